/**
 * The ledger's blocks and confirmed transactions live in columns (blockTable.ts); the records made
 * from them must say what the chain holds: heights, positions, the mempool's first-seen time and fee
 * carried into the block, and lookups as exact as a Map keyed by komodod's lowercase hex.
 */
import { describe, it, expect } from 'vitest'
import { createDevchainCore } from '../../../support/devchain.ts'
import { txidOf } from '../../../../devchain/tx/transaction.ts'

describe('ledger columns', () => {
  it('records made from the columns match the chain', async () => {
    const dc = await createDevchainCore({ dataDir: null, seed: 'columns' })
    await dc.call('miner', 'generate', [3])
    const addr = (await dc.call('reader', 'getnewaddress', [])) as string
    const sent: string[] = []
    for (let i = 0; i < 4; i++) sent.push((await dc.call('miner', 'sendtoaddress', [addr, 1 + i])) as string)
    const L = dc.ledger
    const inPool = new Map(sent.map((id) => [id, { time: L.txs.get(id)!.time, fee: L.txs.get(id)!.fee }]))
    expect([...inPool.values()].every((p) => p.fee > 0)).toBe(true)
    const [hash] = (await dc.call('miner', 'generate', [1])) as string[]
    const h = L.blockByHash.get(hash)!
    expect(h).toBe(L.height)
    expect(L.block(h)!.hash).toBe(hash)
    expect(L.tip.hash).toBe(hash)
    const txids = L.block(h)!.txids
    expect(txids.slice(1).sort()).toEqual([...sent].sort())
    txids.forEach((id, index) => {
      const rec = L.txs.get(id)!
      expect(rec.height).toBe(h)
      expect(rec.index).toBe(index)
      expect(txidOf(rec.raw)).toBe(id)
      if (index > 0) expect({ time: rec.time, fee: rec.fee }).toEqual(inPool.get(id))
      else expect(rec.fee).toBe(0)
    })
    // Lookups are exact, like the Map they replace: komodod's lowercase hex only.
    expect(L.txs.get(sent[0].toUpperCase())).toBeUndefined()
    expect(L.txs.has(sent[0])).toBe(true)
    expect(L.txs.has('00'.repeat(32))).toBe(false)
    expect(L.blockByHash.get(hash.toUpperCase())).toBeUndefined()
    expect(L.blockByHash.get('nothex')).toBeUndefined()
    expect(L.block(-1)).toBeUndefined()
    expect(L.block(L.height + 1)).toBeUndefined()
    expect(L.blockTimeAt(L.height + 1)).toBeUndefined()
    expect(L.blockTimeAt(h)).toBe(L.block(h)!.header.time)
    // Every block's txids and every tx, as many as the chain holds.
    expect(L.blocks.map((b) => b.height)).toEqual([...Array(L.height + 1).keys()])
    expect([...L.txs.values()].length).toBe(L.blocks.reduce((n, b) => n + b.txids.length, 0))
    await dc.close()
  })
})
