import path from 'node:path'
import type { Plugin } from 'vuepress/core'

export { i18nPagesPlugin } from './i18nPages.ts'
export { statusPagePlugin } from './statusPage.ts'
export { navigationPlugin } from './navigation.ts'
export { i18nLiveUpdatePlugin } from './liveUpdate.ts'
export { linkCheckPlugin } from './linkCheck.ts'
export { searchExtraFields } from './searchFields.ts'
export { htmlDirRenderer } from './htmlDir.ts'

/** The client half: the notice component and the layout that shows it, and `<html dir>` on navigation. */
export const i18nClientPlugin = (): Plugin => ({
  name: 'komodo-journeys:i18n-client',
  clientConfigFile: path.resolve(import.meta.dirname, 'client.ts'),
})
