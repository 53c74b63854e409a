import type { Page, Plugin } from 'vuepress/core'

/** Pages by route, as `Array.prototype.sort` compares strings: the same order on every machine and run. */
const byPath = (a: Pick<Page, 'path'>, b: Pick<Page, 'path'>): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/**
 * Puts the pages in one order, whatever order the file system listed them in.
 *
 * VuePress keeps its pages in the order its glob found the files, which changes from run to run. Everything
 * written from that list followed it: the routes in the main chunk, each locale's search index. So the same
 * sources built twice gave a different main chunk, and with it a new hash in every page's chunk and HTML: each
 * deploy made readers fetch every file again. Register it last: it must see the pages other plugins add.
 */
export const stablePageOrderPlugin = (): Plugin => ({
  name: 'komodo-journeys:stable-page-order',
  onInitialized: (app) => {
    app.pages.sort(byPath)
  },
})
