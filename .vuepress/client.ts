import { defineAsyncComponent, type Component } from 'vue'
import { defineClientConfig } from 'vuepress/client'
import { resolveLocalePath } from 'vuepress/shared'
import { lazyIsland } from '../components/lazyIsland.ts'
import { hydrateBeforeNavigation } from './theme/hydrateOnFirstInput.ts'
import { keepThemeDataRaw } from './theme/rawThemeData.ts'
import { prebuiltLeavesKey } from './theme/prebuiltLeaves.ts'
import { ensureAllLazyUi, ensureModuleUi, ensureUiStrings, ensureWidgetUi } from '../components/i18n/localeUi.ts'
import { WIDGET_ISLANDS } from '../components/i18n/widgetUi.ts'
import { islandMarker } from './plugins/islandPreload/marker.ts'
import { setInPageWorkerFactory } from '../components/inPageChain.ts'
import { prefetchInPageWhenIdle } from '../components/inPagePrefetch.ts'
import inPageWorkerUrl from './inPageChain/worker.ts?worker&url'
import JourneyLayout from './theme/JourneyLayout.vue'

// The live components load as their own chunks the first time a page renders one, so the main
// chunk (and pages without them) carry none of their code. Journey and Step hydrate as soon as
// their chunk is in (step numbers follow hydration order, which must be document order); the
// others load and hydrate one per task as the reader nears them (lazyIsland.ts), keeping the first
// load small and the main thread free for the reader.
const eager = new Set(['Journey', 'Step'])
// Preloaded by the page's HTML: the eager ones and the chain's status at the top of a page. The
// others load when the reader nears them (lazyIsland.ts), so a page's first load stays small.
const PRELOADED = [...eager, 'ChainPicker', 'ChainStatus']
const lazy: Record<string, () => Promise<Component>> = {
  ChainStatus: () => import('../components/ChainStatus.vue'),
  ChainPicker: () => import('../components/ChainPicker.vue'),
  RpcCall: () => import('../components/RpcCall.vue'),
  MineBlocks: () => import('../components/MineBlocks.vue'),
  AdvanceClock: () => import('../components/AdvanceClock.vue'),
  Broadcast: () => import('../components/Broadcast.vue'),
  TxView: () => import('../components/TxView.vue'),
  BlockView: () => import('../components/BlockView.vue'),
  Journey: () => import('../components/Journey.vue'),
  Step: () => import('../components/Step.vue'),
}
const panels = modulePanels()

/**
 * Each module folder's panels (modules/<id>/<Name>.vue), one chunk each. Found by their files rather
 * than through the specs, so the main chunk carries no module code; test/unit/modules/registry.test.ts
 * checks the files are exactly the panels the registered specs name.
 */
function modulePanels(): Record<string, () => Promise<Component>> {
  const files = import.meta.glob<Component>('../modules/*/*.vue', { import: 'default' })
  return Object.fromEntries(Object.entries(files).map(([file, load]) => [file.slice(file.lastIndexOf('/') + 1, -'.vue'.length), load]))
}

export default defineClientConfig({
  async enhance({ app, router, siteData }) {
    keepThemeDataRaw()
    const localeOf = (path: string) => resolveLocalePath(siteData.value.locales, path)
    // The in-page chain's worker: its chunk (the engine) loads when the first call is made, not with
    // the page; once the page is loaded and idle, a page with live parts prefetches it.
    if (!import.meta.env.SSR) {
      setInPageWorkerFactory(() => new Worker(inPageWorkerUrl, { type: 'module' }), inPageWorkerUrl)
      router.afterEach(() => prefetchInPageWhenIdle())
    }
    const routeLocale = () => localeOf(router.currentRoute.value.path)
    // A widget island hydrates once the widgets' strings in the reader's language are in, and a panel once its
    // module's and the widgets' are, as the server rendered them (which has every locale's): neither set of
    // strings is in a translated page's first load.
    const widgets = new Set<string>(WIDGET_ISLANDS)
    const withStrings = (loader: () => Promise<Component>, ...strings: ((prefix: string) => Promise<void>)[]) => () =>
      Promise.all([loader(), ...strings.map((ensure) => ensure(routeLocale()))]).then(([component]) => component)
    for (const [name, loader] of Object.entries(lazy)) {
      const load = widgets.has(name) ? withStrings(loader, ensureWidgetUi) : loader
      app.component(name, eager.has(name) ? defineAsyncComponent(load) : lazyIsland(load))
    }
    for (const [name, loader] of Object.entries(panels)) app.component(name, lazyIsland(withStrings(loader, ensureModuleUi, ensureWidgetUi)))
    if (import.meta.env.SSR) {
      await ensureAllLazyUi()
      // The server render names the preloaded ones a page uses, and the build preloads their chunks in its <head>.
      app.mixin(islandMarker(PRELOADED))
      // The sidebar's links, each built once per build rather than on every page (theme/sidebarLeafHtml.ts).
      app.provide(prebuiltLeavesKey, (await import('./theme/sidebarLeafHtml.ts')).prebuiltLeaves)
    }
    // A translated route resolves only once its locale's UI strings are in (one small chunk, once per locale),
    // so server render, hydration and client navigation all render the same words. The load starts
    // before the page chunk's and is awaited after it.
    router.beforeEach((to) => { void ensureUiStrings(localeOf(to.path)) })
    router.beforeResolve((to) => ensureUiStrings(localeOf(to.path)))
    // Chrome still waiting to hydrate (theme/hydrateOnFirstInput.ts) must be live before a route change re-renders it.
    router.beforeEach(hydrateBeforeNavigation)
  },
  // Journey pages show the chain picker in their chrome (theme/JourneyLayout.vue).
  layouts: { Layout: JourneyLayout },
})
