import VPPageNav from '@theme-default-components/VPPageNav.vue'
import { hydrateLater } from './hydrateOnFirstInput.ts'

export default hydrateLater(VPPageNav)
