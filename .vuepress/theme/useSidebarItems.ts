/**
 * The default theme's sidebar items, resolved once per locale instead of once per page.
 *
 * The theme's `setupSidebarItems` resolves a locale's whole sidebar config into new item objects on every page:
 * `vuepress build` did it for each of ~1,000 pages over a ~260-item sidebar (O(pages × items) objects, and their
 * garbage). Only one thing in the result depends on the page: the item linking to it gets the page's headings as
 * children. So the server resolves the items once per sidebar config and locale, with no page active, and each page
 * copies just the path down to its own item. Every other export is the theme's own.
 */
import { computed, provide, toRaw, type ComputedRef } from 'vue'
import { useRoutePath, useRoutes } from 'vuepress/client'
import type { SidebarItem } from '@vuepress/theme-default/client'
import { useData } from './useData.ts'
import { useHeaders } from '@vuepress/theme-default/dist/client/composables/useHeaders.js'
import {
  resolveArraySidebarItems, resolveSidebarItems, resolveSidebarPageHeaders, setupSidebarItems as resolvedOnEveryPage, sidebarItemsSymbol,
} from '@vuepress/theme-default/dist/client/composables/useSidebarItems.js'
import { resolvedPerConfig } from './resolvedPerConfig.ts'

export * from '@vuepress/theme-default/dist/client/composables/useSidebarItems.js'

type Headers = Parameters<typeof resolveArraySidebarItems>[1]
type ArrayConfig = Parameters<typeof resolveArraySidebarItems>[0]

/** No route has this path: resolving with it leaves every item as it is on a page it does not link to. */
const NO_PAGE = '\0'

/** Per sidebar config and locale, against the routes it was resolved with (titles come from them). */
const resolvedItems = resolvedPerConfig<SidebarItem[]>()

const localeItems = (config: ArrayConfig, routeLocale: string, routes: unknown): SidebarItem[] =>
  resolvedItems(config, routes, routeLocale, () => resolveArraySidebarItems(toRaw(config), [], NO_PAGE, routeLocale))

/**
 * The items as the theme resolves them on page `path`: the (non-group) item linking to it gets the page's headings.
 * Items off the path to it are shared, not copied.
 */
export function withPageHeaders(items: SidebarItem[], path: string, headers: Headers): SidebarItem[] {
  let changed = false
  const out = items.map((item): SidebarItem => {
    if ('children' in item) {
      const children = withPageHeaders(item.children, path, headers)
      if (children === item.children) return item
      changed = true
      return { ...item, children }
    }
    if (item.link !== path) return item
    changed = true
    return { ...item, children: resolveSidebarPageHeaders(headers[0]?.level === 1 ? headers[0].children : headers) }
  })
  return changed ? out : items
}

/** The theme's `setupSidebarItems` (Layout provides the result to the sidebar, page nav and layout), cached. */
function setupCachedSidebarItems(): void {
  const { frontmatter, page, routeLocale, themeLocale } = useData()
  const headers = useHeaders()
  const routePath = useRoutePath()
  const routes = useRoutes()
  const config = computed(() => !frontmatter.value.home && (frontmatter.value.sidebar ?? themeLocale.value.sidebar ?? 'heading'))
  const items: ComputedRef<SidebarItem[]> = computed(() => {
    const c = config.value
    return Array.isArray(c)
      ? withPageHeaders(localeItems(c, routeLocale.value, routes.value), routePath.value, headers.value)
      : resolveSidebarItems(c, page.value, routePath.value, routeLocale.value, headers.value)
  })
  provide(sidebarItemsSymbol, items)
}

/**
 * Cached where every page renders (the server); a reader's browser resolves the sidebar once per navigation, as the
 * theme does, into the same items (test/unit/site/useSidebarItems.test.ts), and its first load carries no cache.
 */
export const setupSidebarItems = import.meta.env.SSR ? setupCachedSidebarItems : resolvedOnEveryPage
