// @vitest-environment happy-dom
/**
 * A page's first load carries only its own module methods' specs (page data); anything else comes
 * with the full catalog, loaded on demand. These tests take the page data away to walk that path.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import RpcCall from '../../../components/RpcCall.vue'
import { methodSpec, siteSpecs } from '../../../components/methodSpecs.ts'
import { moduleMethodsOf } from '../../../.vuepress/plugins/pageMethods.ts'
import { mockPageData } from '../mocks/vuepress-client.ts'
import { fakeChain } from './fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

describe('method specs of a page', () => {
  it('the build names a page\'s module methods from its frontmatter and its RpcCalls, never core ones', () => {
    const specs = moduleMethodsOf(['getinfo', 'faucetinfo'], '<RpcCall method="faucetfund" :params=\'["10"]\' />\n<RpcCall node="reader" method="tokeninfo" />')
    expect(Object.keys(specs)).toEqual(['faucetfund', 'faucetinfo', 'tokeninfo'])
    expect(specs.faucetfund.params[0].name).toBe('amount')
    expect(moduleMethodsOf(undefined, '<RpcCall method="getblock" />')).toEqual({})
  })

  it('without page data, a module method\'s form appears once the full catalog has loaded, and runs', async () => {
    mockPageData.value = { path: '/', title: '', lang: 'en-US', frontmatter: {} }
    expect(methodSpec('tokeninfo')).toBeUndefined()
    const { seen } = fakeChain({ tokeninfo: () => ({ result: 'success', tokenid: 'ab'.repeat(32) }) })
    const w = mount(RpcCall, { props: { method: 'tokeninfo', params: ['ab'.repeat(32)] } })
    await vi.waitFor(() => expect(w.findAll('input')).toHaveLength(1))
    expect(methodSpec('tokeninfo')?.softErrors).toBe(true)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen.map((s) => s.method)).toEqual(['tokeninfo'])
  })

  it('the client gets core specs at once and module specs through the lazy catalog', async () => {
    expect(siteSpecs.get('getblock')).toMatchObject({ name: 'getblock' })
    const oracle = await siteSpecs.get('oraclesinfo')
    expect(oracle).toMatchObject({ name: 'oraclesinfo', softErrors: true })
  })
})
