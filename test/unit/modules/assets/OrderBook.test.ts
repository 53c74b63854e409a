// @vitest-environment happy-dom
/**
 * The order book panel against a stubbed network: the book and both nodes' balances, Fill and
 * Cancel wired to the right node and method, deltas after a trade, and typos caught before a request.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import OrderBook from '../../../../modules/assets/OrderBook.vue'
import { fakeChain } from '../../components/fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

const tokenid = 'ab'.repeat(32)
const minerPk = '02' + 'aa'.repeat(32)
const readerPk = '03' + 'bb'.repeat(32)
const ask = {
  funcid: 's', txid: 'a5'.repeat(32), vout: 0, amount: '1000', askamount: '1000', origaddress: 'RminerAssets', origtokenaddress: 'RminerTokens',
  tokenid, totalrequired: '0.10000000', price: '0.00010000',
}
const bid = {
  funcid: 'b', txid: 'b1'.repeat(32), vout: 0, amount: '0.02000000', bidamount: '0.02000000', origaddress: 'RreaderAssets', origtokenaddress: 'RreaderTokens',
  tokenid, totalrequired: 100, price: '0.00020000',
}

function chain() {
  const state = { readerTokens: 0, readerCoins: 1, orders: [ask, bid] as unknown[] }
  const fake = fakeChain({
    getinfo: (_p, url) => ({ pubkey: url.endsWith('/reader') ? readerPk : minerPk }),
    tokenorders: () => state.orders,
    tokenbalance: (p) => (p[1] === readerPk
      ? { result: 'success', CCaddress: 'RreaderTokens', tokenid, balance: state.readerTokens }
      : { result: 'success', CCaddress: 'RminerTokens', tokenid, balance: 99000 }),
    getbalance: (_p, url) => (url.endsWith('/reader') ? state.readerCoins : 1000),
    tokenfillask: () => ({ result: 'success', hex: 'f111' }),
    tokencancelbid: () => ({ result: 'success', hex: 'c0c0' }),
    tokenask: () => ({ result: 'success', hex: 'a5a5' }),
    sendrawtransaction: (p) => `sent-${p[0]}`,
    generate: () => {
      state.readerTokens = 400
      state.readerCoins = 0.9598
      state.orders = [{ ...ask, funcid: 'S', txid: 'f1'.repeat(32), amount: '600', askamount: '600', totalrequired: '0.06000000' }]
      return ['00'.repeat(32)]
    },
  })
  return { ...fake, state }
}

describe('OrderBook', () => {
  it('lists asks and bids with their owners, fills as the reader, and shows what changed', async () => {
    const { seen } = chain()
    const w = mount(OrderBook, { props: { tokenid } })
    await flushPromises()
    const rows = w.findAll('[data-field="orders"] tbody tr')
    expect(rows.map((r) => r.attributes('data-side'))).toEqual(['ask', 'bid'])
    expect(rows[0].text()).toContain('miner')
    expect(rows[1].text()).toContain('reader')
    expect(rows[1].findAll('td')[1].text()).toBe('100')
    // The reader owns the bid: Cancel there, Fill on the miner's ask.
    expect(rows[1].find('[data-action="cancel"]').exists()).toBe(true)
    await rows[0].find('input').setValue('400')
    await rows[0].find('[data-action="fill"]').trigger('click')
    await flushPromises()
    const fill = seen.find((c) => c.method === 'tokenfillask')!
    expect(fill.params).toEqual([tokenid, ask.txid, '400'])
    expect(fill.url).toMatch(/\/rpc\/reader$/)
    expect(w.find('[data-field="txid"]').text()).toBe('sent-f111')
    await w.find('[data-action="mine"]').trigger('click')
    await flushPromises()
    const reader = w.find('[data-field="balances"] [data-node="reader"]')
    expect(reader.find('[data-field="tokens"]').text()).toBe('400 (+400)')
    expect(reader.find('[data-field="coins"]').text()).toBe('0.95980000 (−0.04020000)')
    expect(w.findAll('[data-field="orders"] tbody tr')[0].find('[data-field="units"]').text()).toBe('600')
  })

  it('cancels the reader\'s own bid on the reader node', async () => {
    const { seen } = chain()
    const w = mount(OrderBook, { props: { tokenid } })
    await flushPromises()
    await w.find('[data-side="bid"] [data-action="cancel"]').trigger('click')
    await flushPromises()
    const cancel = seen.find((c) => c.method === 'tokencancelbid')!
    expect(cancel.params).toEqual([tokenid, bid.txid])
    expect(cancel.url).toMatch(/\/rpc\/reader$/)
  })

  it('places an ask as the miner', async () => {
    const { seen } = chain()
    const w = mount(OrderBook, { props: { tokenid, node: 'miner' } })
    await flushPromises()
    await w.find('[data-form="place"] input').setValue('250')
    await w.find('[data-form="place"]').trigger('submit')
    await flushPromises()
    const placed = seen.find((c) => c.method === 'tokenask')!
    expect(placed.params).toEqual(['250', tokenid, '0.0001'])
    // The miner is the default node: /rpc.
    expect(placed.url).toMatch(/\/rpc$/)
  })

  it('refuses typos before sending anything', async () => {
    const { seen } = chain()
    const w = mount(OrderBook, { props: { tokenid } })
    await flushPromises()
    const before = seen.length
    const place = w.find('[data-form="place"]')
    const [units, price] = place.findAll('input')
    await units.setValue('1.5')
    await price.setValue('0')
    await place.trigger('submit')
    await w.find('[data-side="ask"] input').setValue('-3')
    await w.find('[data-side="ask"] [data-action="fill"]').trigger('click')
    await flushPromises()
    expect(seen.slice(before)).toEqual([])
    const errors = w.findAll('.kj-field-error').map((e) => e.text())
    // In page order: the fill field in the table, then the form's units and price.
    expect(errors).toEqual(['Must be a whole number of units.', 'Must be a whole number of units.', 'Must be more than zero.'])
  })
})
