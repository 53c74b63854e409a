import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, reactive, ref, type ComputedRef } from 'vue'
import { renderToString } from 'vue/server-renderer'
import type { NavbarItem } from '@vuepress/theme-default/client'

// The page, the routes table and the site's and theme's locales, as VuePress's client and the theme's useData give
// them.
const route = reactive({ path: '/', fullPath: '/' })
const routes = ref<Record<string, unknown>>({})
vi.mock('vuepress/client', () => ({ useRoute: () => route, useRoutes: () => routes, clientDataSymbol: Symbol('client data') }))
vi.mock('@vuepress/helper/client', () => ({ useRoutePaths: () => ({ get value() { return Object.keys(routes.value) } }) }))
const site = ref({ locales: {} as Record<string, { lang?: string }> })
const theme = ref({ locales: {} as Record<string, { selectLanguageName?: string; home?: string }> })
const data = { routeLocale: ref('/'), site, siteLocale: ref({ lang: 'en-US' }), theme, themeLocale: ref<Record<string, string>>({}) }
vi.mock('@theme/useData', () => ({ useData: () => data }))
vi.mock('@vuepress/theme-default/dist/client/composables/useData.js', () => ({ useData: () => data }))

const { useNavbarSelectLanguage } = await import('@vuepress/theme-default/dist/client/composables/useNavbarSelectLanguage.js')
const { useServerSelectLanguage } = await import('../../../.vuepress/theme/serverSelectLanguage.ts')

/** Both menus as the server renders page `path` (of locale `locale`): set up in a component, before any mount. */
async function menus(path: string, locale: string): Promise<{ theirs: NavbarItem[]; ours: NavbarItem[] }> {
  Object.assign(route, { path, fullPath: `${path}?q=1#top` })
  data.routeLocale.value = locale
  data.siteLocale.value = { lang: site.value.locales[locale]?.lang ?? 'en-US' }
  data.themeLocale.value = locale === '/zh/' ? { selectLanguageText: '语言' } : { selectLanguageText: 'Languages', selectLanguageAriaLabel: 'Select language' }
  let theirs: ComputedRef<NavbarItem[]> | undefined
  let ours: ComputedRef<NavbarItem[]> | undefined
  await renderToString(createSSRApp({
    setup() {
      theirs = useNavbarSelectLanguage()
      ours = useServerSelectLanguage()
      return () => null
    },
  }))
  return { theirs: theirs!.value, ours: ours!.value }
}

describe('the language menu on the server', () => {
  // English and Chinese pages, one only in English, one Spanish page; Spanish has no names of its own and a home.
  site.value = { locales: { '/': { lang: 'en-US' }, '/zh/': { lang: 'zh-CN' }, '/es/': { lang: 'es-ES' } } }
  theme.value = { locales: { '/': { selectLanguageName: 'English' }, '/zh/': { selectLanguageName: '简体中文', home: '/zh/home.html' }, '/es/': {} } }
  routes.value = Object.fromEntries(['/', '/zh/', '/es/', '/a.html', '/zh/a.html', '/only-en.html', '/es/b.html'].map((p) => [p, {}]))
  const pages = [['/', '/'], ['/a.html', '/'], ['/zh/a.html', '/zh/'], ['/only-en.html', '/'], ['/es/b.html', '/es/'], ['/constructor', '/']]

  it.each(pages)('gives page %s the theme\'s links', async (path, locale) => {
    const { theirs, ours } = await menus(path, locale)
    expect(ours).toEqual(theirs)
    expect((ours[0] as { children: unknown[] }).children).toHaveLength(3)
  })

  it('links a translation where it exists, and the locale\'s home elsewhere', async () => {
    const links = (await menus('/only-en.html', '/')).ours[0] as { children: { link: string }[] }
    expect(links.children.map((c) => c.link)).toEqual(['/only-en.html', '/zh/home.html', '/es/'])
    const translated = (await menus('/a.html', '/')).ours[0] as { children: { link: string }[] }
    expect(translated.children.map((c) => c.link)).toEqual(['/a.html', '/zh/a.html', '/es/'])
  })

  it('has no menu on a site of one language', async () => {
    site.value = { locales: { '/': { lang: 'en-US' } } }
    try {
      expect(await menus('/a.html', '/')).toEqual({ theirs: [], ours: [] })
    } finally {
      site.value = { locales: { '/': { lang: 'en-US' }, '/zh/': { lang: 'zh-CN' }, '/es/': { lang: 'es-ES' } } }
    }
  })
})
