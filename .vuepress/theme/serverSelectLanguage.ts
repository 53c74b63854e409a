/**
 * The theme's language menu (useNavbarSelectLanguage) as the server renders it, without a list of every route.
 *
 * To link a page's translation only where one exists, the theme looks the translated path up in a list of every route
 * path (@vuepress/helper's useRoutePaths), made anew for each page: `vuepress build` made ~1,000 lists of ~1,000
 * paths, and scanned one per locale on every page. Here the path is looked up in the routes table itself. The rest is
 * the theme's rule as the server applies it, before the page is mounted (links are paths, without query or hash);
 * test/unit/site/serverSelectLanguage.test.ts holds it to the theme's menu.
 */
import { computed, type ComputedRef } from 'vue'
import { useRoute, useRoutes } from 'vuepress/client'
import type { NavbarItem } from '@vuepress/theme-default/client'
import { useData } from './useData.ts'

export function useServerSelectLanguage(): ComputedRef<NavbarItem[]> {
  const route = useRoute()
  const routes = useRoutes()
  const { routeLocale, site, siteLocale, theme, themeLocale } = useData()
  return computed(() => {
    const locales = Object.keys(site.value.locales)
    if (locales.length < 2) return []
    const path = route.path
    return [{
      text: `${themeLocale.value.selectLanguageText}`,
      ariaLabel: `${themeLocale.value.selectLanguageAriaLabel ?? themeLocale.value.selectLanguageText}`,
      children: locales.map((locale): NavbarItem => {
        const lang = `${site.value.locales[locale]?.lang}`
        const names = theme.value.locales?.[locale] ?? {}
        const text = names.selectLanguageName ?? lang
        if (lang === siteLocale.value.lang) return { text, activeMatch: '.', link: path }
        const translated = path.replace(routeLocale.value, locale)
        return { text, link: Object.hasOwn(routes.value, translated) ? translated : (names.home ?? locale) }
      }),
    }]
  })
}
