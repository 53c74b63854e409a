import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, h, ref, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter } from 'vue-router'

// VuePress's client reads the build's routes from a virtual module, and constants the build defines.
vi.hoisted(() => Object.assign(globalThis, { __VUEPRESS_DEV__: false, __VUEPRESS_BASE__: '/' }))
vi.mock('@internal/routes', () => ({ routes: ref({}), redirects: ref({}) }))
vi.mock('vuepress/client', async () => import('@vuepress/client'))
// The theme's VPPageNav resolves its parts through `@theme/*` aliases, which only its bundler setup knows: its own
// files here, and the same previous and next links for both components.
type Link = { text: string; link: string; ariaLabel?: string } | null
const related = { prevLink: ref<Link>(null), nextLink: ref<Link>(null) }
const themeLocale = ref<Record<string, string>>({})
vi.mock('@theme/useRelatedLinks', () => ({ useRelatedLinks: () => related }))
vi.mock('@vuepress/theme-default/dist/client/composables/useRelatedLinks.js', () => ({ useRelatedLinks: () => related }))
vi.mock('@theme/useData', () => ({ useData: () => ({ themeLocale }) }))
vi.mock('@vuepress/theme-default/dist/client/composables/useData.js', () => ({ useData: () => ({ themeLocale }) }))
vi.mock('@theme/useNavigate', async () => import('@vuepress/theme-default/dist/client/composables/useNavigate.js'))
vi.mock('@theme/VPAutoLink.vue', async () => import('@vuepress/theme-default/dist/client/components/VPAutoLink.vue'))
vi.mock('@theme-default-components/VPPageNav.vue?vue&type=style&index=0&lang.scss', () => ({}))
const { clientDataSymbol } = await import('@vuepress/client')
// Through a computed path: the type checker would follow the theme's `@theme/*` imports.
const themeComponents = '@vuepress/theme-default/dist/client/components'
const { default: VPPageNav } = (await import(/* @vite-ignore */ `${themeComponents}/VPPageNav.vue`)) as { default: Component }
const { default: PageNav } = await import('../../../.vuepress/theme/PageNav.vue')

const LOCALES = ['/', '/zh/']

async function render(page: string, component: Component): Promise<string> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const app = createSSRApp({ render: () => h(component) }).use(router)
  app.provide(clientDataSymbol, { siteData: ref({ locales: Object.fromEntries(LOCALES.map((l) => [l, {}])) }) } as never)
  await router.push(page)
  // AutoLink's slots leave fragment comments, which are not in what a reader or a script sees.
  return (await renderToString(app)).replace(/<!--[[\]]-->/g, '')
}

describe('the previous and next links render as the theme renders them', () => {
  const cases: [string, Link, Link, Record<string, string>][] = [
    ['/journeys/faucet.html', { text: 'Journeys', link: '/journeys/' }, { text: 'Tokens & <more>', link: '/journeys/tokens.html' }, {}],
    ['/zh/a.html', { text: '甲', link: '/zh/' }, null, { prev: '上一页', pageNavbarLabel: '页面导航' }],
    ['/a.html', null, { text: 'B', link: '/b.html', ariaLabel: 'The B page' }, { next: 'Onward' }],
    ['/a.html', { text: 'Out', link: 'https://example.com/x' }, { text: 'Relative', link: 'b.html' }, {}],
    ['/a.html', null, null, {}],
  ]

  it.each(cases)('on %s', async (page, prev, next, locale) => {
    related.prevLink.value = prev
    related.nextLink.value = next
    themeLocale.value = locale
    const ours = await render(page, PageNav)
    expect(ours).toBe(await render(page, VPPageNav))
    if (prev || next) expect(ours).toMatch(/^<nav class="vp-page-nav"/)
  })

  it('marks a link to a section the page is in active, as AutoLink does', async () => {
    related.prevLink.value = { text: 'Journeys', link: '/journeys/' }
    related.nextLink.value = null
    themeLocale.value = {}
    expect(await render('/journeys/faucet.html', PageNav)).toContain(
      '<a class="route-link route-link-active auto-link prev" href="/journeys/" aria-label="Journeys"><div class="hint"><span class="arrow left"></span> Prev</div>')
  })
})
