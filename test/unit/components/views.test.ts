// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import BlockView from '../../../components/BlockView.vue'
import ChainStatus from '../../../components/ChainStatus.vue'
import TxView from '../../../components/TxView.vue'
import { useJourney } from '../../../components/useJourney.ts'
import type { DecodedTx } from '../../../protocol/types.ts'
import { bytesToHex, opReturnScript } from '../../../protocol/opret.ts'
import { encodeTokenCreate } from '../../../modules/tokens/spec.ts'
import { fakeChain, META } from './fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

const evil = '<img src=x onerror=alert(1)>'
const createTx: DecodedTx = {
  txid: '11'.repeat(32), version: 4, locktime: 0, confirmations: 2,
  vin: [{ txid: '22'.repeat(32), vout: 1, scriptSig: { asm: '', hex: '' } }],
  vout: [
    { value: 0.0001, n: 0, scriptPubKey: { asm: 'a22c… OP_CHECKCRYPTOCONDITION', hex: '2ea2cc', type: 'cryptocondition', addresses: ['RAMvUfoyURBRxAdVeTMHxn3giJZCFWeha2'] } },
    { value: 0.001, n: 1, scriptPubKey: { asm: 'a22c… OP_CHECKCRYPTOCONDITION', hex: '2ea2cc', type: 'cryptocondition', addresses: ['RUserTokensCC'] } },
    { value: 0, n: 2, scriptPubKey: { asm: 'OP_RETURN', hex: bytesToHex(opReturnScript(encodeTokenCreate({ creatorPubkey: Uint8Array.from(Buffer.from('02' + 'ab'.repeat(32), 'hex')), name: evil, description: 'd' }))), type: 'nulldata' } },
  ],
}

describe('TxView', () => {
  it('labels CC outputs with their module and decodes the token OP_RETURN as text', async () => {
    const { seen } = fakeChain({ getrawtransaction: () => createTx })
    useJourney().setOutput('token', { tokenid: createTx.txid })
    const w = mount(TxView, { props: { from: 'token.tokenid' } })
    await flushPromises()
    expect(seen[0].params).toEqual([createTx.txid, 1])
    // The decoder is its own chunk, loaded with the first transaction to show.
    await vi.waitFor(() => expect(w.find('.kj-tx').exists()).toBe(true))
    const rows = w.findAll('tbody tr').slice(1)
    expect(rows[0].find('.kj-cc-label').text()).toBe('CC output of Tokens (0xf2)')
    expect(rows[1].attributes('data-cc')).toBe('Tokens')
    expect(rows[2].find('.kj-opret').text()).toContain(`Token creation: name “${evil}”`)
    expect(w.find('img').exists()).toBe(false)
  })
})

describe('BlockView', () => {
  it('shows a block with its decoded transactions', async () => {
    fakeChain({ getblock: (p) => ({ hash: 'ff'.repeat(32), height: Number(p[0]), time: 1700000000, confirmations: 1, tx: [createTx] }) })
    const w = mount(BlockView, { props: { height: 3 } })
    await flushPromises()
    expect(w.find('[data-field="height"]').text()).toBe('3')
    await vi.waitFor(() => expect(w.findAll('.kj-tx')).toHaveLength(1))
  })
})

describe('ChainStatus', () => {
  it('shows backend, chain, height, the tip time on the devchain clock, mining mode and nodes', async () => {
    fakeChain({
      getinfo: () => ({ name: 'DOCS', blocks: 42, tiptime: 1700000000 + 42 * 60 }),
      devchain_info: () => ({ kind: 'devchain', mining: { mode: 'automine' } }),
    })
    const w = mount(ChainStatus)
    await flushPromises()
    await vi.waitFor(() => expect(w.find('[data-field="mining"]').text()).toBe('a block per transaction'))
    expect(w.find('[data-field="backend"]').text()).toBe('devchain (embedded)')
    expect(w.find('[data-field="chain"]').text()).toBe('DOCS')
    expect(w.find('[data-field="height"]').text()).toBe('42')
    // The devchain's deterministic clock (genesis + height × blocktime): a wall-clock age would say "years ago".
    expect(w.find('[data-field="tip-age"]').text()).toBe('2023-11-14 22:55 UTC')
    expect(w.text()).toContain('Tip time (devchain clock)')
    expect(w.find('[data-field="nodes"]').text()).toBe('miner, reader')
    w.unmount()
  })

  it('shows the tip age against the wall clock on komodod', async () => {
    fakeChain({ getinfo: () => ({ name: 'DOCS', blocks: 42, tiptime: Math.floor(Date.now() / 1000) - 30 }) },
      { meta: { ...META, backend: { kind: 'komodod' } } })
    const w = mount(ChainStatus)
    await flushPromises()
    await vi.waitFor(() => expect(w.find('[data-field="tip-age"]').text()).toMatch(/^3\d s ago$/))
    expect(w.text()).toContain('Tip age')
    w.unmount()
  })

  it('explains how to start a chain when none answers', async () => {
    fakeChain({}, { offline: true })
    const w = mount(ChainStatus)
    await flushPromises()
    await vi.waitFor(() => expect(w.attributes('data-online')).toBe('false'))
    expect(w.text()).toContain('npm run dev')
    expect(w.text()).toContain('docker compose --profile komodod up')
    w.unmount()
  })
})
