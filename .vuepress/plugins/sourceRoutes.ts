import path from 'node:path'
import type { Plugin } from 'vuepress/core'

/**
 * Maps source files to routes: `docs/<p>.md` → `/<p>.html` (docs/README.md → `/`) and
 * `locales/<lang>/<p>.md` → `/<lang>/<p>.html`. Done in `extendsPageOptions` (not `extendsPage`) so every
 * field VuePress derives from the path — route, locale, permalink — is computed from the final one.
 */
export const routeForSource = (relativePath: string): string | null => {
  const posix = relativePath.split(path.sep).join('/')
  const match = /^(?:docs|locales\/([^/]+))\/(.*)\.md$/.exec(posix)
  if (!match) return null
  const prefix = match[1] ? `/${match[1]}/` : '/'
  const rest = match[2]
  if (rest === 'README' || rest === 'index') return prefix
  if (rest.endsWith('/README') || rest.endsWith('/index')) return `${prefix}${rest.replace(/(README|index)$/, '')}`
  return `${prefix}${rest}.html`
}

export const sourceRoutesPlugin = (): Plugin => ({
  name: 'komodo-journeys:source-routes',
  extendsPageOptions: (options, app) => {
    if (!options.filePath || options.path) return
    const route = routeForSource(path.relative(app.dir.source(), options.filePath))
    if (route) options.path = route
  },
  // VuePress would also route each source path (`/docs/journeys/faucet.html`, `/locales/es/…`) to its page: a
  // table of 150 redirects in every page's main chunk. Relative links, the only ones that named source paths,
  // are rewritten to routes as pages render (i18n/localizeLinks.ts), so no reader's link needs the table.
  extendsPage: (page) => {
    if (page.filePathRelative && routeForSource(page.filePathRelative) === page.path) page.pathInferred = null
  },
})
