/**
 * Memory layout of the ledger at scale: a confirmed tx keeps no bytes of its own (it reads them
 * from its block), and coins paying one address share one script buffer. The values seen by callers
 * must not change.
 */
import { describe, it, expect } from 'vitest'
import { createDevchainCore } from '../../support/devchain.ts'
import { toHex } from '../../../devchain/crypto/hash.ts'
import { txidOf } from '../../../devchain/tx/transaction.ts'

describe('ledger memory layout', () => {
  it('confirmed txs read the same bytes from their block', async () => {
    const dc = await createDevchainCore({ dataDir: null, seed: 'mem' })
    await dc.call('miner', 'generate', [101])
    const addr = (await dc.call('reader', 'getnewaddress', [])) as string
    const txids: string[] = []
    const hexBefore = new Map<string, string>()
    for (let i = 0; i < 5; i++) {
      const txid = (await dc.call('miner', 'sendtoaddress', [addr, 1 + i])) as string
      txids.push(txid)
      hexBefore.set(txid, (await dc.call('miner', 'getrawtransaction', [txid])) as string)
    }
    const [hash] = (await dc.call('miner', 'generate', [1])) as string[]
    const block = dc.ledger.blocks[dc.ledger.blockByHash.get(hash)!]
    expect(block.txids.slice(1).sort()).toEqual([...txids].sort())
    for (const txid of txids) {
      const rec = dc.ledger.txs.get(txid)!
      expect(rec.raw.buffer).toBe(block.raw.buffer)
      expect(txidOf(rec.raw)).toBe(txid)
      expect(toHex(rec.raw)).toBe(hexBefore.get(txid))
      expect(await dc.call('miner', 'getrawtransaction', [txid])).toBe(hexBefore.get(txid))
      expect(rec.tx.vout.length).toBeGreaterThan(0)
    }
    // The coinbase too: its txid, and the block's bytes.
    const cb = dc.ledger.txs.get(block.txids[0])!
    expect(cb.raw.buffer).toBe(block.raw.buffer)
    expect(txidOf(cb.raw)).toBe(block.txids[0])
    await dc.close()
  })

  it('coins paying one address share a script with the right bytes', async () => {
    const dc = await createDevchainCore({ dataDir: null, seed: 'mem2' })
    await dc.call('miner', 'generate', [103])
    const addr = (await dc.call('reader', 'getnewaddress', [])) as string
    for (let i = 0; i < 3; i++) await dc.call('miner', 'sendtoaddress', [addr, 1])
    await dc.call('miner', 'generate', [1])
    const coins = [...(dc.ledger.addrUtxos.get(addr)?.values() ?? [])]
    expect(coins.length).toBe(3)
    expect(coins[1].script).toBe(coins[0].script)
    expect(coins[2].script).toBe(coins[0].script)
    const unspent = (await dc.call('reader', 'listunspent', [])) as { address: string; scriptPubKey: string }[]
    expect(unspent.filter((u) => u.address === addr).map((u) => u.scriptPubKey)).toEqual(Array(3).fill(toHex(coins[0].script)))
    // 76a914 <20-byte hash> 88ac: P2PKH.
    expect(toHex(coins[0].script)).toMatch(/^76a914[0-9a-f]{40}88ac$/)
    await dc.close()
  })
})
