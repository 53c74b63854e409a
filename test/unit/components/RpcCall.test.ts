// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import RpcCall from '../../../components/RpcCall.vue'
import { useJourney } from '../../../components/useJourney.ts'
import { fakeChain } from './fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

describe('RpcCall', () => {
  it('builds its form from the catalog, runs, and shows status, duration, JSON and a named output', async () => {
    const { seen } = fakeChain({ getblock: (p) => ({ hash: 'ab'.repeat(32), height: Number(p[0]) }) })
    const w = mount(RpcCall, { props: { method: 'getblock', name: 'blk' } })
    await flushPromises()
    const inputs = w.findAll('input')
    expect(inputs).toHaveLength(2)
    expect((inputs[0].element as HTMLInputElement).value).toBe('1')
    expect(w.find(`label[for="${inputs[0].attributes('id')}"]`).text()).toContain('hash|height')
    await inputs[1].setValue('2')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen).toEqual([{ url: '/rpc', method: 'getblock', params: ['1', 2] }])
    expect(w.find('[role="status"]').text()).toContain('Done')
    expect(w.find('.kj-duration').text()).toMatch(/^\d+ ms$/)
    expect(JSON.parse(w.find('.kj-json code').text())).toEqual({ hash: 'ab'.repeat(32), height: 1 })
    expect(w.text()).toContain('Output saved as blk')
    expect(useJourney().resolve('blk.height')).toBe(1)
  })

  it('checks params before sending and says what is wrong next to the field', async () => {
    const { seen } = fakeChain({})
    const w = mount(RpcCall, { props: { method: 'getrawtransaction', params: ['nothex'] } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen).toHaveLength(0)
    const input = w.find('input')
    expect(input.attributes('aria-invalid')).toBe('true')
    const errId = input.attributes('aria-describedby')!.split(' ')[1]
    expect(w.find(`#${errId}`).text()).toContain('64 hexadecimal characters')
  })

  it('shows JSON-RPC errors and CC soft errors as failures', async () => {
    fakeChain({
      getblock: () => ({ __error: { code: -5, message: 'Block not found' } }),
      faucetfund: () => ({ result: 'error', error: 'funding amount must be positive' }),
    })
    const a = mount(RpcCall, { props: { method: 'getblock', params: ['999'] } })
    const b = mount(RpcCall, { props: { method: 'faucetfund', params: ['0'] } })
    await flushPromises()
    await a.find('form').trigger('submit')
    await b.find('form').trigger('submit')
    await flushPromises()
    expect(a.find('[role="alert"]').text()).toBe('The node answered with error -5: Block not found')
    expect(a.attributes('data-state')).toBe('failed')
    expect(b.find('[role="alert"]').text()).toBe('The module refused: funding amount must be positive')
  })

  it('fills a param from an earlier output and generates the three snippets with chain name and port', async () => {
    const { seen } = fakeChain({ sendrawtransaction: () => 'cd'.repeat(32) })
    useJourney().setOutput('fund', { hex: '0400aabb' })
    const w = mount(RpcCall, { props: { method: 'sendrawtransaction', from: 'fund.hex' } })
    await flushPromises()
    expect((w.find('input[type="text"]').element as HTMLInputElement).value).toBe('0400aabb')
    expect(w.find('input[type="text"]').attributes('readonly')).toBeDefined()
    const snippets = w.findAll('.kj-snippet pre').map((x) => x.text())
    expect(snippets[0]).toBe('komodo-cli -ac_name=DOCS sendrawtransaction 0400aabb')
    expect(snippets[1]).toContain('http://127.0.0.1:14523/')
    expect(snippets[2]).toContain('fetch("/rpc"')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen[0].params).toEqual(['0400aabb'])
  })

  it('falls back to a recorded reply, marked as recorded, when no chain answers', async () => {
    fakeChain({}, { offline: true })
    const w = mount(RpcCall, { props: { method: 'getblockcount' } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    // The recorded reply comes through a dynamic import (useCall.ts): a loaded machine may need more than waitFor's default second.
    await vi.waitFor(() => expect(w.attributes('data-state')).toBe('recorded'), { timeout: 5_000 })
    expect(w.find('[role="status"]').text()).toContain('Recorded')
    // Labelled with what it was recorded from: the devchain and its seed.
    expect(w.find('[data-recorded-from]').attributes('data-recorded-from')).toBe('devchain')
    expect(w.find('[data-recorded-from]').text()).toContain('seed "komodo-journeys-recorded", node miner')
    expect(w.find('.kj-json summary').text()).toBe('Recorded response')
    expect(typeof JSON.parse(w.find('.kj-json code').text())).toBe('number')
  })

  it('renders chain strings as text, never as markup', async () => {
    fakeChain({ tokeninfo: () => ({ result: 'success', name: '<img src=x onerror=alert(1)>' }) })
    const w = mount(RpcCall, { props: { method: 'tokeninfo', params: ['ab'.repeat(32)] } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('.kj-json code').text()).toContain('<img src=x onerror=alert(1)>')
  })
})
