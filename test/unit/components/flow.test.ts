// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import Broadcast from '../../../components/Broadcast.vue'
import MineBlocks from '../../../components/MineBlocks.vue'
import { useJourney } from '../../../components/useJourney.ts'
import { fakeChain } from './fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

describe('MineBlocks', () => {
  it('mines N blocks and lists their heights and hashes; offers the mining-mode switch on a devchain', async () => {
    const hashes = ['aa'.repeat(32), 'bb'.repeat(32), 'cc'.repeat(32)]
    const { seen } = fakeChain({
      generate: (p) => hashes.slice(0, Number(p[0])),
      getblockcount: () => 12,
      devchain_info: () => ({ kind: 'devchain', mining: { mode: 'manual' } }),
      devchain_setmining: (p) => ({ mode: p[0] }),
    })
    const w = mount(MineBlocks, { props: { count: 3, name: 'mined' } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    const rows = w.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([['10', hashes[0]], ['11', hashes[1]], ['12', hashes[2]]])
    expect(useJourney().resolve('mined.height')).toBe(12)
    const select = w.find('select')
    await select.setValue('automine')
    await w.findAll('form')[1].trigger('submit')
    await flushPromises()
    expect(seen.filter((c) => c.method === 'devchain_setmining')[0].params).toEqual(['automine'])
  })

  it('refuses a block count outside 1–100 without calling the chain', async () => {
    const { seen } = fakeChain({ devchain_info: () => ({ kind: 'devchain' }) })
    const w = mount(MineBlocks)
    await flushPromises()
    await w.find('input').setValue('0')
    await w.find('form').trigger('submit')
    expect(w.find('input').attributes('aria-invalid')).toBe('true')
    expect(seen.some((c) => c.method === 'generate')).toBe(false)
  })
})

describe('Broadcast', () => {
  it('relays the hex of an earlier step and counts confirmations up as blocks arrive', async () => {
    let confirmations = 0
    const txid = 'ef'.repeat(32)
    const { seen } = fakeChain({
      sendrawtransaction: () => txid,
      getrawtransaction: () => ({ txid, confirmations: confirmations++ }),
    })
    useJourney().setOutput('fund', { hex: '0400abcd' })
    const w = mount(Broadcast, { props: { from: 'fund.hex', name: 'sent', pollMs: 5, until: 3 } })
    await w.find('button').trigger('click')
    await flushPromises()
    expect(seen[0]).toEqual({ url: '/rpc', method: 'sendrawtransaction', params: ['0400abcd'] })
    expect(w.find('[data-field="txid"]').text()).toBe(txid)
    expect(useJourney().resolve('sent.txid')).toBe(txid)
    await vi.waitFor(() => expect(w.find('[data-field="confirmations"]').text()).toBe('3 confirmations'))
    expect(seen.filter((c) => c.method === 'getrawtransaction').length).toBe(4)
  })

  it('says which earlier output is missing instead of sending nothing', async () => {
    const { seen } = fakeChain({})
    const w = mount(Broadcast, { props: { from: 'nothing.hex' } })
    await w.find('button').trigger('click')
    expect(w.find('[role="alert"]').text()).toContain('nothing.hex')
    expect(seen).toHaveLength(0)
  })
})

describe('RpcCall → MineBlocks → Broadcast inside one parent', () => {
  it('passes outputs by name without a Journey', async () => {
    fakeChain({ faucetfund: () => ({ result: 'success', hex: '0400ff' }), sendrawtransaction: (p) => `tx-of-${p[0]}` })
    const { default: RpcCall } = await import('../../../components/RpcCall.vue')
    const Page = defineComponent({ render: () => [h(RpcCall, { method: 'faucetfund', params: ['10'], name: 'fund2' }), h(Broadcast, { from: 'fund2.hex', name: 'sent2', until: 0 })] })
    const w = mount(Page)
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    await w.find('.kj-broadcast button').trigger('click')
    await flushPromises()
    expect(w.find('[data-field="txid"]').text()).toBe('tx-of-0400ff')
  })
})
