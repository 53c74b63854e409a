import { createSSRApp, defineAsyncComponent, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import type { Rollup } from 'vite'
import { describe, expect, it } from 'vitest'
import { islandChunks } from '../../../.vuepress/plugins/islandPreload/islandChunks.ts'
import { islandMarker } from '../../../.vuepress/plugins/islandPreload/marker.ts'
import { ISLAND_MARKER, moveIslandMarkers } from '../../../.vuepress/plugins/islandPreload/moveIslandMarkers.ts'

const chunk = (fileName: string, o: Partial<Rollup.OutputChunk>): Rollup.OutputChunk =>
  ({ type: 'chunk', fileName, imports: [], isEntry: false, isDynamicEntry: false, facadeModuleId: null, ...o }) as Rollup.OutputChunk

describe('islandChunks', () => {
  it('lists each lazily loaded component with the chunks it imports, minus what the entry already loads', () => {
    const bundle: Rollup.OutputBundle = Object.fromEntries([
      chunk('assets/app.js', { isEntry: true, imports: ['assets/vue.js'] }),
      chunk('assets/vue.js', {}),
      chunk('assets/RpcCall.js', { isDynamicEntry: true, facadeModuleId: '/p/components/RpcCall.vue', imports: ['assets/app.js', 'assets/useCall.js', 'assets/vue.js'] }),
      chunk('assets/useCall.js', { imports: ['assets/useRpcClient.js', 'assets/app.js'] }),
      chunk('assets/useRpcClient.js', { imports: ['assets/useCall.js'] }),
      chunk('assets/Step.js', { isDynamicEntry: true, facadeModuleId: '/p/components/Step.vue', imports: ['assets/app.js'] }),
      // A page chunk and a lazily loaded data module: not live components.
      chunk('assets/faucet.js', { isDynamicEntry: true, facadeModuleId: '/p/docs/journeys/faucet.md', imports: ['assets/useCall.js'] }),
      chunk('assets/search-zh.js', { isDynamicEntry: true, facadeModuleId: '/p/.vuepress/.temp/internal/searchIndex/search-zh.js' }),
    ].map((c) => [c.fileName, c]))
    expect(Object.fromEntries(islandChunks(bundle))).toEqual({
      RpcCall: ['assets/RpcCall.js', 'assets/useCall.js', 'assets/useRpcClient.js'],
      Step: ['assets/Step.js'],
    })
  })
})

describe('moveIslandMarkers', () => {
  const chunks = new Map([
    ['RpcCall', ['/assets/RpcCall.js', '/assets/useCall.js']],
    ['Broadcast', ['/assets/Broadcast.js', '/assets/useCall.js']],
  ])
  const marker = (name: string) => `<meta name="${ISLAND_MARKER}" content="${name}">`

  it('moves the markers out of the head into preloads after the page\'s own, each file once', () => {
    const preload = '<link rel="modulepreload" href="/assets/app.js"><link rel="modulepreload" href="/assets/Broadcast.js">'
    const out = moveIslandMarkers({ head: `<title>t</title>${marker('RpcCall')}${marker('Broadcast')}${marker('Unknown')}<meta name="x">`, preload }, chunks)
    expect(out.head).toBe('<title>t</title><meta name="x">')
    expect(out.preload).toBe(`${preload}<link rel="modulepreload" href="/assets/RpcCall.js" fetchpriority="low"><link rel="modulepreload" href="/assets/useCall.js" fetchpriority="low">`)
  })

  it('leaves a page without live components as it was', () => {
    const page = { head: '<title>t</title>', preload: '<link rel="modulepreload" href="/assets/app.js">' }
    expect(moveIslandMarkers(page, chunks)).toEqual(page)
  })
})

describe('islandMarker', () => {
  it('names each live component a server render used, once, in the page head config', async () => {
    const RpcCall = defineComponent({ __name: 'RpcCall', render: () => h('div', 'call') } as never)
    const Prose = defineComponent({ __name: 'Prose', render: () => h('p', 'prose') } as never)
    const Lazy = defineAsyncComponent(() => Promise.resolve(RpcCall))
    const app = createSSRApp({ render: () => [h(Prose), h(Lazy), h(Lazy)] })
    app.mixin(islandMarker(['RpcCall', 'Step']))
    const context: { head: unknown[] } = { head: [['meta', { name: 'description', content: 'd' }]] }
    expect(await renderToString(app, context)).toContain('call')
    expect(context.head).toEqual([['meta', { name: 'description', content: 'd' }], ['meta', { name: ISLAND_MARKER, content: 'RpcCall' }]])
  })
})
