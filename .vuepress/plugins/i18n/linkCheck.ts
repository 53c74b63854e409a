import { type App, type Page, type Plugin } from 'vuepress/core'
import { inferRoutePath, isLinkExternal } from 'vuepress/shared'
import { logger } from 'vuepress/utils'

export interface BrokenLink { page: string; route: string; link: string }

const withoutBase = (link: string, base: string) => (base !== '/' && link.startsWith(base) ? `/${link.slice(base.length)}` : link)

/** Every route a link may name: the pages' paths (relative `.md` links are rewritten to these: localizeLinks.ts). */
export function knownRoutes(pages: Pick<Page, 'path'>[]): Set<string> {
  return new Set(pages.map((p) => decodeURI(p.path)))
}

/** The route an internal link resolves to, as the Markdown links plugin writes it (no hash or query). */
const routeOf = (target: string) => decodeURI(inferRoutePath(target.replace(/[#?].*$/, '')))

/** Internal links of the pages (Markdown links and home-page `actions`) that name no page. */
export function findBrokenLinks(app: Pick<App, 'pages' | 'options'>): BrokenLink[] {
  const routes = knownRoutes(app.pages)
  const base = app.options.base
  const broken: BrokenLink[] = []
  for (const page of app.pages) {
    const name = page.filePathRelative ?? page.path
    for (const { raw, relative, absolute } of page.links) {
      const target = absolute ? withoutBase(absolute, base) : `/${relative}`
      if (!routes.has(routeOf(target))) broken.push({ page: name, route: page.path, link: raw })
    }
    const actions = (page.frontmatter as { actions?: { link?: unknown }[] }).actions
    for (const a of Array.isArray(actions) ? actions : []) {
      if (typeof a?.link !== 'string' || isLinkExternal(a.link, base) || !a.link.startsWith('/')) continue
      if (!routes.has(routeOf(a.link))) broken.push({ page: name, route: page.path, link: a.link })
    }
  }
  return broken
}

export const formatBrokenLinks = (broken: BrokenLink[]): string =>
  `Broken internal links (${broken.length}):\n${broken.map((b) => `  ${b.page} (${b.route}) → ${b.link}`).join('\n')}`

/**
 * Fails `vuepress build` when a page links to a page that does not exist, naming the page (the theme's
 * check only looks at `.md` links); in `vuepress dev` it warns. Register it last: it must see every page.
 */
export const linkCheckPlugin = (): Plugin => ({
  name: 'komodo-journeys:link-check',
  onInitialized: (app) => {
    const broken = findBrokenLinks(app)
    if (!broken.length) return
    if (app.env.isBuild) throw new Error(formatBrokenLinks(broken))
    logger.warn(formatBrokenLinks(broken))
  },
})
