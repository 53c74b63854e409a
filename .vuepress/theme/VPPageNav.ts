import PageNav from './PageNav.vue'
import { hydrateLater } from './hydrateOnFirstInput.ts'

export default hydrateLater(PageNav)
