// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { ensureModuleUi, ensureUiStrings, setUiLoaders, uiLoadersFromGlob, uiStringsFor, uiTranslationFor } from '../../../components/i18n/localeUi.ts'
import { useUiStrings } from '../../../components/i18n/useUiStrings.ts'
import { FAUCET_STRINGS } from '../../../modules/faucet/spec/strings.ts'
import { defineComponent, h } from 'vue'
import { fakeChain } from './fakeChain.ts'

// A Chinese page: the route locale is /zh/.
vi.mock('vuepress/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useRouteLocale: () => ref('/zh/'),
  usePageLang: () => ref('zh-CN'),
}))

// A partial Chinese `ui`, as locales/zh/locale.json would give it.
const ZH = { common: { run: '运行' }, errors: { soft: '模块拒绝了请求：{message}' } }

afterEach(() => vi.unstubAllGlobals())

describe('UI strings', () => {
  it('use the reader\'s language and fall back to English key by key', async () => {
    setUiLoaders({ '/zh/': async () => ZH })
    await ensureUiStrings('/zh/')
    fakeChain({ faucetfund: () => ({ result: 'error', error: 'funding amount must be positive' }) })
    const { default: RpcCall } = await import('../../../components/RpcCall.vue')
    const w = mount(RpcCall, { props: { method: 'faucetfund', params: ['0'] } })
    await flushPromises()
    expect(w.find('button.kj-run').text()).toBe('运行')
    expect(w.find('legend').text()).toBe('Parameters')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toBe('模块拒绝了请求：funding amount must be positive')
  })

  it('load each locale once, stay English for English and on a failed load, and retry after a failure', async () => {
    const calls: string[] = []
    let fail = true
    setUiLoaders({
      '/zh/': async () => { calls.push('zh'); return ZH },
      '/ru/': async () => { calls.push('ru'); if (fail) throw new Error('chunk gone'); return { common: { run: 'Запустить', copy: '' } } },
    })
    await Promise.all([ensureUiStrings('/zh/'), ensureUiStrings('/zh/'), ensureUiStrings('/'), ensureUiStrings('/fr/')])
    await ensureUiStrings('/zh/')
    expect(calls).toEqual(['zh'])
    expect(uiStringsFor('/zh/').common.run).toBe('运行')
    expect(uiStringsFor('/zh/').common.copy).toBe('Copy')
    expect(uiStringsFor('/').common.run).toBe('Run')
    await ensureUiStrings('/ru/')
    expect(uiStringsFor('/ru/').common.run).toBe('Run')
    fail = false
    await ensureUiStrings('/ru/')
    expect(calls).toEqual(['zh', 'ru', 'ru'])
    expect(uiStringsFor('/ru/').common.run).toBe('Запустить')
    // An empty translation is a slip, not a label: English shows.
    expect(uiStringsFor('/ru/').common.copy).toBe('Copy')
  })

  it('come from every locale.json\'s "ui" through the real glob', async () => {
    setUiLoaders((await import('../../../components/i18n/localeUi.ts')).uiLoadersFromGlob(import.meta.glob('../../../locales/*/locale.json', { query: '?kj-ui=core', import: 'default' })))
    await ensureUiStrings('/zh/')
    const zh = uiStringsFor('/zh/')
    const { en } = await import('../../../components/i18n/en.ts')
    expect(zh.common.run).not.toBe(en.common.run)
  })

  it('come in two parts per locale: the core strings, and the modules\' panel strings a panel waits for', async () => {
    setUiLoaders(
      uiLoadersFromGlob(import.meta.glob('../../../locales/*/locale.json', { query: '?kj-ui=core', import: 'default' })),
      uiLoadersFromGlob(import.meta.glob('../../../locales/*/locale.json', { query: '?kj-ui=modules', import: 'default' })),
    )
    await ensureUiStrings('/zh/')
    const core = uiTranslationFor('/zh/') as Record<string, unknown>
    expect(core).toHaveProperty('common')
    expect(core).not.toHaveProperty('faucet')
    // A panel rendered before its module's strings are in shows English, then the reader's language.
    const Panel = defineComponent({ setup() { const t = useUiStrings({ faucet: FAUCET_STRINGS }); return () => h('p', t.value.faucet.title) } })
    const w = mount(Panel)
    expect(w.text()).toBe(FAUCET_STRINGS.title)
    await ensureModuleUi('/zh/')
    await flushPromises()
    const zhTitle = ((uiTranslationFor('/zh/') as { faucet: { title: string } }).faucet.title)
    expect(zhTitle).not.toBe(FAUCET_STRINGS.title)
    expect(w.text()).toBe(zhTitle)
    expect(uiTranslationFor('/zh/')).toHaveProperty('common')
  })

  it('fill placeholders and leave unknown ones visible', async () => {
    const { fmt } = await import('../../../components/i18n/useUiStrings.ts')
    expect(fmt('{n} of {total}', { n: 1, total: 2 })).toBe('1 of 2')
    expect(fmt('{n} {oops}', { n: 1 })).toBe('1 {oops}')
  })
})
