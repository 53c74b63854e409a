// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import RpcCall from '../../../components/RpcCall.vue'
import {
  loadersFromGlob, loadMethodTexts, setMethodTextLoaders, type MethodTextLoader, type MethodTexts,
} from '../../../components/i18n/methodTexts.ts'
import { methodStringsFrom } from '../../../components/i18n/useMethodStrings.ts'
import { getMethod } from '../../../modules/catalog.ts'
// The same module the unit project aliases vuepress/client to.
import { mockLocale, mockPageData } from '../mocks/vuepress-client.ts'
import { methodTextsOf } from '../../../.vuepress/plugins/pageMethods.ts'
import { fakeChain } from './fakeChain.ts'
import zhReference from '../../../locales/zh/reference.json'
import type { MethodText } from '../../../.vuepress/reference/strings.ts'

const locale = mockLocale
const getblock = getMethod('getblock')!
const getinfo = getMethod('getinfo')!
const realLoaders = setMethodTextLoaders({})
setMethodTextLoaders(realLoaders)
const allMethodsPage = mockPageData.value
/** The page's data as the build gives a page of locale `/zh/` running `methods` (plugins/pageMethods.ts). */
function zhPage(methods: string[], texts: Record<string, MethodText>): void {
  mockPageData.value = { ...allMethodsPage, methodSpecs: Object.fromEntries(methods.map((m) => [m, (allMethodsPage.methodSpecs as Record<string, unknown>)[m]])), methodTexts: methodTextsOf(methods, texts) }
}

beforeEach(() => { fakeChain({}) })
afterEach(() => {
  vi.unstubAllGlobals()
  setMethodTextLoaders(realLoaders)
  locale.route = '/'
  locale.site = ['/']
  mockPageData.value = allMethodsPage
})

/** Loaders that count their calls. */
function stub(tables: Record<string, MethodTexts>): { loaders: Record<string, MethodTextLoader>; calls: string[] } {
  const calls: string[] = []
  const loaders = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, async () => { calls.push(k); return v }]))
  return { loaders, calls }
}

describe('method strings', () => {
  it('maps glob paths to route locale prefixes', () => {
    const none = async () => undefined
    expect(Object.keys(loadersFromGlob({ '../../locales/zh/reference.json': none, '../../locales/pt-br/reference.json': none, '../../x/other.json': none })))
      .toEqual(['/zh/', '/pt-br/'])
    // The real glob finds the committed translations.
    expect(Object.keys(realLoaders)).toContain('/zh/')
  })

  it('falls back to English string by string', () => {
    const s = methodStringsFrom({ getblock: { summary: '  ', params: { hash_or_height: '区块' } } })
    expect(s.summary(getblock)).toBe(getblock.summary)
    const [first, second] = getblock.params
    expect(s.param(getblock, first.name)).toBe(first.name === 'hash_or_height' ? '区块' : first.summary)
    expect(s.param(getblock, second.name)).toBe(second.summary)
    expect(methodStringsFrom(null).summary(getinfo)).toBe(getinfo.summary)
  })

  it('loads a locale once, never for English or a prefix that is not a site locale', async () => {
    const { loaders, calls } = stub({ '/zh/': { getinfo: { summary: 'zh' } }, '/xx/': { getinfo: { summary: 'xx' } } })
    setMethodTextLoaders(loaders)
    expect(await loadMethodTexts('/', ['/', '/zh/'])).toBeNull()
    // A reference.json whose locale has no locale.json is not a site locale.
    expect(await loadMethodTexts('/xx/', ['/', '/zh/'])).toBeNull()
    await Promise.all([loadMethodTexts('/zh/', ['/', '/zh/']), loadMethodTexts('/zh/', ['/', '/zh/'])])
    expect((await loadMethodTexts('/zh/', ['/', '/zh/']))?.getinfo?.summary).toBe('zh')
    expect(calls).toEqual(['/zh/'])
  })

  it('keeps English when a locale chunk fails to load', async () => {
    setMethodTextLoaders({ '/zh/': () => Promise.reject(new Error('chunk 404')) })
    expect(await loadMethodTexts('/zh/', ['/', '/zh/'])).toBeNull()
  })

  it('RpcCall renders a method the page runs in its language from the server render on, loading nothing (real zh reference.json)', async () => {
    locale.route = '/zh/'
    locale.site = ['/', '/zh/']
    const zh = (zhReference as { methods: Record<string, MethodText> }).methods
    const zhSummary = zh.getinfo!.summary!
    expect(zhSummary).not.toBe(getinfo.summary)
    zhPage(['getinfo'], zh)
    const { loaders, calls } = stub({ '/zh/': {} })
    setMethodTextLoaders(loaders)

    const html = await renderToString(createSSRApp({ render: () => h(RpcCall, { method: 'getinfo' }) }))
    expect(html).toContain(zhSummary)
    const w = mount(RpcCall, { props: { method: 'getinfo' } })
    expect(w.find('.kj-summary').text()).toBe(zhSummary)
    await flushPromises()
    expect(calls).toEqual([])
  })

  it('RpcCall shows a method the page does not list in English, then in the page locale once its table loads', async () => {
    locale.route = '/zh/'
    locale.site = ['/', '/zh/']
    zhPage(['getblock'], {})
    const { loaders, calls } = stub({ '/zh/': { getinfo: { summary: '节点信息' } } })
    setMethodTextLoaders(loaders)
    const html = await renderToString(createSSRApp({ render: () => h(RpcCall, { method: 'getinfo' }) }))
    expect(html).toContain(getinfo.summary)
    const w = mount(RpcCall, { props: { method: 'getinfo' } })
    expect(w.find('.kj-summary').text()).toBe(getinfo.summary)
    await vi.waitFor(() => expect(w.find('.kj-summary').text()).toBe('节点信息'))
    expect(calls).toEqual(['/zh/'])
  })

  it('RpcCall shows translated param help and English for params the locale lacks', async () => {
    locale.route = '/zh/'
    locale.site = ['/', '/zh/']
    const [first, second] = getblock.params
    zhPage(['getblock'], { getblock: { summary: '取区块', params: { [first.name]: '高度或哈希' } } })
    const w = mount(RpcCall, { props: { method: 'getblock' } })
    expect(w.find('.kj-summary').text()).toBe('取区块')
    const help = w.findAll('.kj-help').map((x) => x.text())
    expect(help).toEqual(['高度或哈希', second.summary])
  })

  it('RpcCall stays English on English pages without loading anything', async () => {
    const { loaders, calls } = stub({ '/zh/': { getinfo: { summary: 'zh' } } })
    setMethodTextLoaders(loaders)
    locale.site = ['/', '/zh/']
    const w = mount(RpcCall, { props: { method: 'getinfo' } })
    await flushPromises()
    expect(w.find('.kj-summary').text()).toBe(getinfo.summary)
    expect(calls).toEqual([])
  })
})
