// @vitest-environment happy-dom
/**
 * A page's first load carries only its own methods' whole specs (page data) and komodod's core methods in wire
 * form; anything else comes with the full catalog, loaded on demand. These tests take the page data away to walk
 * that path.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import RpcCall from '../../../components/RpcCall.vue'
import { methodSpec, siteSpecs } from '../../../components/methodSpecs.ts'
import { methodTextsOf, pageMethodsOf } from '../../../.vuepress/plugins/pageMethods.ts'
import { mockPageData } from '../mocks/vuepress-client.ts'
import { fakeChain } from './fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

describe('method specs of a page', () => {
  it('the build names a page\'s methods from its frontmatter and its RpcCalls, core and module alike', () => {
    const specs = pageMethodsOf(['getinfo', 'faucetinfo', 'nosuchmethod'], '<RpcCall method="faucetfund" :params=\'["10"]\' />\n<RpcCall node="reader" method="tokeninfo" />')
    expect(Object.keys(specs)).toEqual(['faucetfund', 'faucetinfo', 'getinfo', 'tokeninfo'])
    expect(specs.faucetfund.params[0].name).toBe('amount')
    // What only the reference pages read stays out of a page's data.
    expect(specs.getinfo).not.toHaveProperty('result')
    expect(specs.faucetfund).toMatchObject({ softErrors: true, summary: expect.stringMatching(/\S/) })
    expect(pageMethodsOf(undefined, '<RpcCall method="getblock" />').getblock.summary).toMatch(/\S/)
  })

  it('a translated page carries its own methods\' texts only, and only what its locale translated', () => {
    const texts = methodTextsOf(['getinfo', 'getblock', 'faucetinfo'], {
      getinfo: { source_hash: 'abc', summary: '节点信息', result: '对象' },
      getblock: { params: { hash_or_height: '区块' } },
      faucetinfo: { source_hash: 'abc' },
      tokeninfo: { summary: '代币' },
    })
    expect(texts).toEqual({ getinfo: { summary: '节点信息' }, getblock: { params: { hash_or_height: '区块' } } })
    expect(methodTextsOf(['getinfo'], undefined)).toEqual({})
  })

  it('the core methods\' wire form checks a call as the whole spec does', async () => {
    mockPageData.value = { path: '/', title: '', lang: 'en-US', frontmatter: {} }
    const { CORE_METHODS } = await import('../../../protocol/catalog.ts')
    const { validateParams } = await import('../../../protocol/validate.ts')
    for (const full of CORE_METHODS) {
      const wire = await siteSpecs.get(full.name)
      expect(wire, full.name).toEqual({ name: full.name, params: full.params.map(({ name, type, optional, format }) => ({ name, type, ...(optional ? { optional } : {}), ...(format ? { format } : {}) })), ...(full.softErrors ? { softErrors: true } : {}), ...(full.timeoutMs ? { timeoutMs: full.timeoutMs } : {}) })
      for (const params of [[], ['x'], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) expect(validateParams(wire!, params), full.name).toEqual(validateParams(full, params))
    }
    // The forms' whole specs are not in the first load: a core method's comes with its page, or with the catalog.
    expect(methodSpec('getblock')).toBeUndefined()
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
    expect(siteSpecs.get('getblock')).toMatchObject({ name: 'getblock', params: [{ name: 'hash|height', type: 'string' }, { name: 'verbosity', optional: true }] })
    const oracle = await siteSpecs.get('oraclesinfo')
    expect(oracle).toMatchObject({ name: 'oraclesinfo', softErrors: true })
  })
})
