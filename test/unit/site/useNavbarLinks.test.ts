import { describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import type { NavbarItem } from '@vuepress/theme-default/client'

// The theme's module resolves through its `@theme/*` aliases, which only its bundler setup knows: stand-ins here,
// with a link's title taken from a routes table as the theme's resolveAutoLink takes it from the route's meta.
let titles: Record<string, string> = { '/a.html': 'A', '/b/c.html': 'C', '/zh/a.html': '甲', '/zh/b/c.html': '丙' }
vi.mock('@theme/resolveAutoLink', () => ({ resolveAutoLink: (link: string) => ({ text: titles[link] ?? link, link }) }))
vi.mock('@vuepress/helper/client', async () => import('@vuepress/helper/shared'))
vi.mock('@theme/resolvePrefix', async () => import('@vuepress/theme-default/dist/client/utils/resolvePrefix.js'))
const themeLocale = ref<{ navbar?: unknown }>({})
vi.mock('@theme/useData', () => ({ useData: () => ({ themeLocale }) }))
// What useNavbarLinks.ts adds to the config (per page, not cached) is not under test here.
vi.mock('@vuepress/theme-default/dist/client/composables/useData.js', () => ({ useData: () => ({ themeLocale }) }))
vi.mock('@vuepress/theme-default/dist/client/composables/useNavbarRepo.js', () => ({}))
vi.mock('@vuepress/theme-default/dist/client/composables/useNavbarSelectLanguage.js', () => ({}))

const { useNavbarConfig } = await import('@vuepress/theme-default/dist/client/composables/useNavbarConfig.js')
const { resolvedOnce } = await import('../../../.vuepress/theme/useNavbarLinks.ts')

// Each locale's navbar in the forms the theme takes: a bare path, a link, a dropdown with a prefix, a nested group.
const navbars: Record<string, unknown[]> = {
  '/': ['/a.html', { text: 'Guides', link: '/b/c.html' }, { text: 'Menu', prefix: '/b/', children: ['c.html', { text: 'Ext', link: 'https://x.org' }] }],
  '/zh/': ['/zh/a.html', { text: '组', children: [{ text: '子', prefix: '/zh/b/', children: ['c.html'] }] }],
}

/** The navbar as the theme resolves it on a page of `locale`, and through the cache with `routes`. */
function resolve(locale: string, routes: unknown): { theirs: NavbarItem[]; ours: NavbarItem[] } {
  themeLocale.value = { navbar: navbars[locale] }
  return effectScope().run(() => {
    const perPage = useNavbarConfig()
    const theirs = useNavbarConfig().value
    return { theirs, ours: resolvedOnce(navbars[locale], routes, () => perPage.value) }
  })!
}

describe('navbar config resolved once per locale', () => {
  const routes = {}

  it('gives each locale, whichever renders first, exactly the items the theme resolves for it', () => {
    for (const locale of ['/zh/', '/', '/zh/', '/']) {
      const { theirs, ours } = resolve(locale, routes)
      expect(ours).toEqual(theirs)
    }
  })

  it('resolves a locale once for the same routes, and again when the routes change', () => {
    const first = resolve('/', routes).ours
    expect(resolve('/', routes).ours).toBe(first)
    const spy = vi.fn((): NavbarItem[] => [])
    resolvedOnce(navbars['/'], routes, spy)
    expect(spy).not.toHaveBeenCalled()

    titles = { ...titles, '/a.html': 'A, renamed' }
    const renamed = resolve('/', { ...routes })
    expect(renamed.ours).not.toBe(first)
    expect(renamed.ours).toEqual(renamed.theirs)
    expect(renamed.ours[0]).toMatchObject({ text: 'A, renamed' })
  })
})
