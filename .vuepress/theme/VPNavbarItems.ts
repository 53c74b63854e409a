import VPNavbarItems from '@theme-default-components/VPNavbarItems.vue'
import { hydrateLater } from './hydrateOnFirstInput.ts'

export default hydrateLater(VPNavbarItems)
