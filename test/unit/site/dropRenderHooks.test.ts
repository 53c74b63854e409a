import { createSSRApp, defineComponent, h, ssrContextKey } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter, RouterView, useRouter } from 'vue-router'
import { describe, expect, it } from 'vitest'
import { dropRenderHooks } from '../../../.vuepress/plugins/ssrRouterHooks/dropRenderHooks.ts'

// What `vuepress build` does: one server app and one router render every page in turn.
async function renderPages(pages: number, fix: boolean) {
  let calls = 0
  let pluginCalls = 0
  const Page = defineComponent({
    setup() {
      // Like the default theme's sidebar items: a hook per component, removed only on unmount.
      useRouter().afterEach(() => { calls++ })
      return () => h('p', 'page')
    },
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:n', component: Page }] })
  if (fix) dropRenderHooks(router)
  router.afterEach(() => { pluginCalls++ })
  const app = createSSRApp({ render: () => h(RouterView) }).use(router)
  const perNavigation: number[] = []
  for (let i = 0; i < pages; i++) {
    const before = calls
    await router.push(`/${i}`)
    await router.isReady()
    perNavigation.push(calls - before)
    delete (app._context.provides as Record<symbol, unknown>)[ssrContextKey] // as @vuepress/bundlerutils does
    expect(await renderToString(app)).toContain('page')
  }
  return { perNavigation, pluginCalls }
}

describe('dropRenderHooks', () => {
  it('without it, every rendered page leaves a hook that every later navigation runs', async () => {
    const { perNavigation } = await renderPages(5, false)
    expect(perNavigation).toEqual([0, 1, 2, 3, 4])
  })

  it('drops the hooks of earlier renders before each navigation', async () => {
    const { perNavigation } = await renderPages(5, true)
    expect(perNavigation).toEqual([0, 0, 0, 0, 0])
  })

  it('keeps hooks registered outside a component', async () => {
    const { pluginCalls } = await renderPages(5, true)
    expect(pluginCalls).toBe(5)
  })
})
