// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { fakeChain } from './fakeChain.ts'

// The site locale data as the locale discovery hands it over: a partial Chinese `ui`.
vi.mock('vuepress/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useSiteLocaleData: () => ref({ lang: 'zh-CN', ui: { common: { run: '运行' }, errors: { soft: '模块拒绝了请求：{message}' } } }),
  usePageLang: () => ref('zh-CN'),
}))

afterEach(() => vi.unstubAllGlobals())

describe('UI strings', () => {
  it('use the reader\'s language and fall back to English key by key', async () => {
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

  it('fill placeholders and leave unknown ones visible', async () => {
    const { fmt } = await import('../../../components/i18n/useUiStrings.ts')
    expect(fmt('{n} of {total}', { n: 1, total: 2 })).toBe('1 of 2')
    expect(fmt('{n} {oops}', { n: 1 })).toBe('1 {oops}')
  })
})
