/**
 * The sidebar's links as the server writes them, each built once per build instead of on every page.
 *
 * `vuepress build` renders a locale's whole sidebar on each of its pages: ~260 links on each of ~1,000 pages, where
 * a link's markup (class, href, label, text) is the same on every page but the one it links to. VPSidebarItem.vue
 * renders a leaf from this string when there is one, and from its template otherwise (in the browser, and for the
 * page's own link). The string is the template's output for a link that is not active
 * (test/unit/site/VPSidebarItem.test.ts renders whole sidebars both ways), built with Vue's own SSR helpers. The
 * server's app provides it (client.ts, prebuiltLeaves.ts); no browser loads this module.
 */
import { ssrInterpolate, ssrRenderAttr } from 'vue/server-renderer'
import type { SidebarItem } from '@vuepress/theme-default/client'
import { normalizedPath } from './isActiveSidebarItem.ts'
import type { PrebuiltLeaves } from './prebuiltLeaves.ts'
import { routeHref } from './plainLink.ts'

/** Per item object: the sidebar's items are resolved once per locale (useSidebarItems.ts), and shared by its pages. */
const built = new WeakMap<SidebarItem, { path: string; html: string }>()

/**
 * The `<a>` VPSidebarItem.vue renders for `item` on the page at normalized path `page` (`normalizedPath`; null for a
 * page with a hash, where a hash link would be active), or '' where the template must render it: an item with
 * children, the page's own link, and a link other than an absolute path (a relative one resolves against the page).
 */
export function cachedLeafHtml(item: SidebarItem, page: string | null): string {
  if (page === null || ('children' in item && item.children.length) || !item.link?.startsWith('/')) return ''
  let leaf = built.get(item)
  if (!leaf) {
    const { link, text } = item
    const html = `<a class="route-link auto-link vp-sidebar-item"${ssrRenderAttr('href', routeHref(link, link))}${ssrRenderAttr('aria-label', text)}>${ssrInterpolate(text)}</a>`
    built.set(item, (leaf = { path: normalizedPath(link), html }))
  }
  return leaf.path === page ? '' : leaf.html
}

/** What VPSidebarItem.vue renders of `items` on page `route`, by index: markup, or '' for the template to render. */
export const prebuiltLeaves: PrebuiltLeaves = (items, route) => {
  const page = route.hash ? null : normalizedPath(route.path)
  return items.map((item) => cachedLeafHtml(item, page))
}
