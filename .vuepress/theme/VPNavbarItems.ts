import NavbarItems from './NavbarItems.vue'
import { hydrateLater } from './hydrateOnFirstInput.ts'

export default hydrateLater(NavbarItems)
