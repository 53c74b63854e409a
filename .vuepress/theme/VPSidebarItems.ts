import VPSidebarItems from '@theme-default-components/VPSidebarItems.vue'
import { hydrateLater } from './hydrateOnFirstInput.ts'

export default hydrateLater(VPSidebarItems)
