/**
 * The navbar's links as the theme's VPNavbarItems gathers them: the locale's navbar config, the language menu, and
 * the repository link.
 *
 * The theme resolves the config on every page (`useNavbarConfig`: each internal link through `resolveRoute`), though
 * it depends only on the locale and the routes: `vuepress build` did it for each of ~1,000 pages. The server keeps
 * each locale's resolved config; the language menu, whose links follow the page, is still made per page (on the server
 * without a list of every route, serverSelectLanguage.ts). A reader's
 * browser resolves as the theme does (its first load carries no cache), into the same items
 * (test/unit/site/useNavbarLinks.test.ts).
 */
import { computed, type ComputedRef } from 'vue'
import { useRoutes } from 'vuepress/client'
import type { NavbarItem } from '@vuepress/theme-default/client'
import { useData } from './useData.ts'
import { useNavbarConfig } from '@vuepress/theme-default/dist/client/composables/useNavbarConfig.js'
import { useNavbarRepo } from '@vuepress/theme-default/dist/client/composables/useNavbarRepo.js'
import { useNavbarSelectLanguage } from '@vuepress/theme-default/dist/client/composables/useNavbarSelectLanguage.js'
import { resolvedPerConfig } from './resolvedPerConfig.ts'
import { useServerSelectLanguage } from './serverSelectLanguage.ts'

/** Per navbar config (one per locale), against the routes it was resolved with (titles and redirects come from them). */
const resolvedItems = resolvedPerConfig<NavbarItem[]>()

/** `resolve()`'s items for this config and routes, resolved the first time they are asked for. */
export const resolvedOnce = (config: object, routes: unknown, resolve: () => NavbarItem[]): NavbarItem[] =>
  resolvedItems(config, routes, '', resolve)

function useCachedNavbarConfig(): ComputedRef<NavbarItem[]> {
  const { themeLocale } = useData()
  const routes = useRoutes()
  const perPage = useNavbarConfig()
  return computed(() => {
    const config = themeLocale.value.navbar
    return config ? resolvedOnce(config, routes.value, () => perPage.value) : perPage.value
  })
}

export function useNavbarLinks(): ComputedRef<NavbarItem[]> {
  const config = import.meta.env.SSR ? useCachedNavbarConfig() : useNavbarConfig()
  const selectLanguage = import.meta.env.SSR ? useServerSelectLanguage() : useNavbarSelectLanguage()
  const repo = useNavbarRepo()
  return computed(() => [...config.value, ...selectLanguage.value, ...repo.value])
}
