import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

const GONE = '\0kj-removed-page:'

/**
 * `vuepress dev`: a page file the routes still import after it was renamed or deleted resolves to an empty page.
 *
 * VuePress handles a rename as a new page, then a removed one. Between the two, the routes module it writes
 * imports the old file, which is gone; Vite failed to transform it, and a page open in the browser that loaded
 * it then (an HMR update, or the reload that follows) could not start: a blank page until the reader reloaded
 * by hand. The next routes module, written once the removal is seen, no longer names the file; until then the
 * old route leads to an empty page.
 */
export const removedPageImports = (): Plugin => ({
  name: 'komodo-journeys:removed-page-imports',
  apply: 'serve',
  enforce: 'pre',
  resolveId: {
    filter: { id: /\.md$/ },
    handler(source) {
      return path.isAbsolute(source) && !fs.existsSync(source) ? `${GONE}${source}` : null
    },
  },
  load: {
    filter: { id: new RegExp(`^${GONE}`) },
    handler(id) {
      return id.startsWith(GONE) ? 'export const _pageData = {}\nexport default { name: "RemovedPage", render: () => null }' : null
    },
  },
})
