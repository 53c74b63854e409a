/**
 * What the ledger checks beyond consensus and keeps in order (issue 15): komodod's standardness and
 * finality at the mempool, eviction of expired transactions, module rules re-run at block assembly,
 * coinbase maturity in the wallet, and block headers whose hash meets their bits.
 */
import { describe, it, expect } from 'vitest'
import { DevchainCore } from '../../../../devchain/index.ts'
import { createDevchain, createDevchainCore } from '../../../support/devchain.ts'
import { RpcError } from '../../../../protocol/jsonrpc.ts'
import { targetFromBits } from '../../../../devchain/tx/block.ts'
import { parseTx, serializeTx, newTx } from '../../../../devchain/tx/transaction.ts'
import { pushData, concat } from '../../../../devchain/tx/script.ts'
import { hexToHash, toHex, fromHex } from '../../../../devchain/crypto/hash.ts'
import type { CcModule } from '../../../../devchain/modules.ts'

async function rpcError(p: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(RpcError)
    return { code: (e as RpcError).code, message: (e as RpcError).message }
  }
  throw new Error('expected an RpcError')
}

type Call = (m: string, p?: unknown[], node?: string) => Promise<any>
const caller = (c: { call(n: string, m: string, p: unknown[]): Promise<unknown> }): Call => (m, p = [], node = 'miner') => c.call(node, m, p) as Promise<any>

/** A signed spend of the miner's biggest coin to a reader address, built with createrawtransaction. */
async function spend(call: Call, outputs: (to: string, coin: { amount: number }) => Record<string, unknown>, extra: unknown[] = []) {
  const coins = (await call('listunspent')) as { txid: string; vout: number; amount: number }[]
  const coin = coins.sort((a, b) => b.amount - a.amount)[0]
  const to = await call('getnewaddress', [], 'reader')
  const hex = await call('createrawtransaction', [[{ txid: coin.txid, vout: coin.vout }], outputs(to, coin), ...extra])
  return (await call('signrawtransaction', [hex])).hex as string
}

describe('standardness (IsStandardTx) and finality (IsFinalTx)', () => {
  it('refuses an OP_RETURN above 208 bytes with "64: scriptpubkey", not on -regtest', async () => {
    for (const regtest of [false, true]) {
      const c = await createDevchain({ dataDir: null, args: ['-ac_name=STD', '-ac_supply=100', ...(regtest ? ['-regtest'] : [])] })
      const call = caller(c)
      const big = await spend(call, (to) => ({ data: 'ab'.repeat(5000), [to]: 1 }))
      if (regtest) expect(await call('sendrawtransaction', [big])).toMatch(/^[0-9a-f]{64}$/)
      else expect(await rpcError(call('sendrawtransaction', [big]))).toEqual({ code: -26, message: '64: scriptpubkey' })
      await c.close()
    }
    const c = await createDevchain({ dataDir: null, args: ['-ac_name=STD', '-ac_supply=100'] })
    const call = caller(c)
    // 205 data bytes make a 208-byte script (OP_RETURN OP_PUSHDATA1 205 …): the largest standard one.
    expect(await call('sendrawtransaction', [await spend(call, (to) => ({ data: 'cd'.repeat(205), [to]: 1 }))])).toMatch(/^[0-9a-f]{64}$/)
    await c.close()
  })

  it('refuses dust and two OP_RETURNs', async () => {
    const c = await createDevchain({ dataDir: null, args: ['-ac_name=STD', '-ac_supply=100'] })
    const call = caller(c)
    expect(await rpcError(call('sendrawtransaction', [await spend(call, (to) => ({ [to]: 0.00000053 }))]))).toEqual({ code: -26, message: '64: dust' })
    const twoData = await spend(call, (to) => ({ [to]: 1 }))
    const tx = parseTx(fromHex(twoData))
    tx.vout.push({ value: 0, script: Uint8Array.of(0x6a, 1, 1) }, { value: 0, script: Uint8Array.of(0x6a, 1, 2) })
    tx.vin[0].script = new Uint8Array(0)
    const resigned = await call('signrawtransaction', [toHex(serializeTx(tx))])
    expect(await rpcError(call('sendrawtransaction', [resigned.hex]))).toEqual({ code: -26, message: '64: multi-op-return' })
    await c.close()
  })

  it('holds a lock time until it passes; a final sequence makes it final at once', async () => {
    const c = await createDevchain({ dataDir: null, args: ['-ac_name=FIN', '-ac_supply=100', '-ac_reward=300000000'] })
    const call = caller(c)
    await call('generate', [1])
    const height = (await call('getblockcount')) as number
    const locked = await spend(call, (to) => ({ [to]: 1 }), [height + 3])
    expect(await rpcError(call('sendrawtransaction', [locked]))).toEqual({ code: -26, message: '64: non-final' })
    await call('generate', [1]) // the next block is height + 2, below the lock
    expect(await rpcError(call('sendrawtransaction', [locked]))).toEqual({ code: -26, message: '64: non-final' })
    // After komodod's hard fork a 0xfffffffe sequence is final once the next height reaches the lock time.
    await call('generate', [1])
    expect(await call('sendrawtransaction', [locked])).toMatch(/^[0-9a-f]{64}$/)
    // The same lock with every sequence final (0xffffffff) is final now.
    const coins = (await call('listunspent')) as { txid: string; vout: number; amount: number }[]
    const coin = coins.find((x) => x.amount >= 2)!
    const to = await call('getnewaddress', [], 'reader')
    const hex = await call('createrawtransaction', [[{ txid: coin.txid, vout: coin.vout, sequence: 4294967295 }], { [to]: 1 }, 1_000_000])
    expect(await call('sendrawtransaction', [(await call('signrawtransaction', [hex])).hex])).toMatch(/^[0-9a-f]{64}$/)
    // A time lock is compared with the median time of the last 11 blocks.
    const later = await spend(call, (t) => ({ [t]: 1 }), [2_000_000_000])
    expect(await rpcError(call('sendrawtransaction', [later]))).toEqual({ code: -26, message: '64: non-final' })
    await c.close()
  })
})

describe('mempool eviction and block assembly', () => {
  it('evicts an expired transaction and what spends it once a block passes its expiry (removeExpired)', async () => {
    // Two identical chains: blocks mined on one arrive at the other, whose mempool holds the tx.
    const args = ['-ac_name=EXP', '-ac_supply=100']
    const here = await createDevchainCore({ dataDir: null, args, seed: 'exp' })
    const there = await createDevchainCore({ dataDir: null, args, seed: 'exp' })
    const call = caller(here)
    const height = (await call('getblockcount')) as number
    const hex = await spend(call, (to) => ({ [to]: 1 }), [0, height + 1]) // minable at height + 1 only
    const txid = await call('sendrawtransaction', [hex])
    const child = await call('createrawtransaction', [[{ txid, vout: 0 }], { [await call('getnewaddress')]: 0.5 }], 'reader')
    const childId = await call('sendrawtransaction', [(await call('signrawtransaction', [child], 'reader')).hex], 'reader')
    expect(await call('getrawmempool')).toEqual([txid, childId])
    await there.call('miner', 'generate', [2])
    here.ledger.connectRaw(there.ledger.blocks[height + 1].raw) // a block without it, at its expiry: it stays
    expect(await call('getrawmempool')).toEqual([txid, childId])
    here.ledger.connectRaw(there.ledger.blocks[height + 2].raw) // past its expiry: it and its child go
    expect(await call('getrawmempool')).toEqual([])
    expect(await rpcError(call('getrawtransaction', [childId]))).toMatchObject({ code: -5 })
    await here.close()
    await there.close()
  })

  it('re-runs module rules at assembly and leaves out what no longer passes', async () => {
    let refuse = false
    const toy: CcModule = {
      evalCode: 0x99, name: 'Toy', category: 'toy', rpc: {},
      validate: () => (refuse ? 'toy rule changed' : null),
    }
    const core = new DevchainCore({ dataDir: null, args: ['-ac_name=MOD', '-ac_supply=100', '-ac_cc=2', '-ac_reward=100000000'], modules: [toy] })
    const call = caller(core)
    await call('generate', [2])
    // A payment that also creates a (toy) cryptocondition output, so the module's rules apply to it.
    const coins = (await call('listunspent')) as { txid: string; vout: number; amount: number; scriptPubKey: string }[]
    const coin = coins.sort((a, b) => b.amount - a.amount)[0]
    const ccScript = concat(pushData(new Uint8Array(10).fill(7)), Uint8Array.of(0xcc))
    const tx = newTx([{ prevHash: hexToHash(coin.txid), prevIndex: coin.vout, script: new Uint8Array(0), sequence: 0xffffffff }],
      [{ value: 10_000, script: ccScript }, { value: Math.round(coin.amount * 1e8) - 20_000, script: fromHex(coin.scriptPubKey) }])
    const signed = await call('signrawtransaction', [toHex(serializeTx(tx))])
    const txid = await call('sendrawtransaction', [signed.hex])
    const plainId = await call('sendtoaddress', [await call('getnewaddress', [], 'reader'), 0.5])
    expect(await call('getrawmempool')).toEqual([txid, plainId])
    refuse = true
    const [hash] = await call('generate', [1])
    const block = await call('getblock', [hash])
    expect(block.tx).not.toContain(txid)
    expect(block.tx).toContain(plainId)
    expect(await call('getrawmempool')).toEqual([])
    await core.close()
  })
})

describe('proof of work', () => {
  it('every block header hash is at most the target of its bits', async () => {
    const c = await createDevchain({ dataDir: null, args: ['-ac_name=POW', '-ac_supply=100'] })
    const call = caller(c)
    await call('generate', [60])
    const tip = (await call('getblockcount')) as number
    for (let h = 0; h <= tip; h++) {
      const header = await call('getblockheader', [await call('getblockhash', [h])])
      expect(header.bits).toBe('200f0f0f')
      expect(BigInt('0x' + header.hash) <= targetFromBits(parseInt(header.bits, 16)), `block ${h}`).toBe(true)
      // The hash is the double SHA-256 of the serialized header getblockheader false returns.
      const raw = await call('getblockheader', [header.hash, false])
      expect(raw).toHaveLength(2 * (4 + 32 * 3 + 4 + 4 + 32 + 1 + 36))
    }
    await c.close()
  })
})

describe('coinbase maturity (-ac_cbmaturity)', () => {
  it('counts immature coinbase in immature_balance and sendtoaddress spends only mature coins', async () => {
    const c = await createDevchain({ dataDir: null, args: ['-ac_name=MAT', '-ac_supply=0', '-ac_reward=100000000', '-ac_cbmaturity=10'] })
    const call = caller(c)
    const premine = c.params.premineSats
    // Block 1 (the premine, under a coin) is immature until 10 confirmations.
    let info = await call('getwalletinfo')
    expect([Number(info.balance), Math.round(Number(info.immature_balance) * 1e8)]).toEqual([0, premine])
    expect(await rpcError(call('sendtoaddress', [await call('getnewaddress', [], 'reader'), 0.5]))).toEqual({ code: -6, message: 'Insufficient funds' })
    await call('generate', [9]) // block 1 now has 10 confirmations: mature; blocks 2–10 are not
    info = await call('getwalletinfo')
    expect(Math.round(Number(info.balance) * 1e8)).toBe(premine)
    expect(Number(info.immature_balance)).toBe(9)
    expect((await call('listunspent')).map((u: { amount: number }) => Math.round(u.amount * 1e8))).toEqual([premine])
    const b2 = await call('getblock', ['2'])
    const details = (await call('gettransaction', [b2.tx[0]])).details
    expect(details[0]).toMatchObject({ category: 'immature', blockstomaturity: 1 })
    // 0.9 coin: the mature premine is too small, a 1-coin immature reward would do but may not be spent.
    const reader = await call('getnewaddress', [], 'reader')
    expect(await rpcError(call('sendtoaddress', [reader, 0.9]))).toEqual({ code: -6, message: 'Insufficient funds' })
    await call('generate', [1]) // block 2's reward matures
    const txid = await call('sendtoaddress', [reader, 0.9])
    const spent = (await call('getrawtransaction', [txid, 1])).vin.map((v: { txid: string }) => v.txid)
    expect(spent).toEqual([b2.tx[0]])
    await c.close()
  })
})
