import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, h, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'

// The theme's useData reads VuePress's client data and the theme-data plugin's refs, all provided at the app.
vi.hoisted(() => Object.assign(globalThis, { __VUEPRESS_DEV__: false, __VUEPRESS_BASE__: '/' }))
vi.mock('@internal/routes', () => ({ routes: ref({}), redirects: ref({}) }))
vi.mock('vuepress/client', async () => import('@vuepress/client'))
const themeLocale = ref({ navbar: [] })
vi.mock('@vuepress/theme-default/dist/client/composables/useData.js', async () => {
  const { useData: client } = await import('@vuepress/client')
  // As the theme's: VuePress's client data spread, with the theme's refs.
  return { useData: () => ({ ...client(), theme: ref({}), themeLocale }) }
})
const { clientDataSymbol } = await import('@vuepress/client')
const { useData } = await import('../../../.vuepress/theme/useData.ts')

/** What useData gives the components of one app, called in each. */
async function inOneApp(components: number): Promise<unknown[]> {
  const got: unknown[] = []
  const Child = { setup: () => { got.push(useData()); return () => null } }
  const app = createSSRApp({ render: () => h('div', Array.from({ length: components }, () => h(Child))) })
  app.provide(clientDataSymbol, { routeLocale: ref('/'), siteData: ref({}) } as never)
  await renderToString(app)
  return got
}

describe('the theme\'s data on the server', () => {
  it('is one object for every component of an app, holding the app\'s refs', async () => {
    const [first, ...rest] = await inOneApp(3)
    for (const other of rest) expect(other).toBe(first)
    expect(first).toMatchObject({ themeLocale, routeLocale: { value: '/' } })
  })

  it('is another object for another app', async () => {
    const [a] = await inOneApp(1)
    const [b] = await inOneApp(1)
    expect(a).not.toBe(b)
  })
})
