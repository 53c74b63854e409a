import { describe, it, expect, beforeEach } from 'vitest'
import { createDevchain, type Devchain } from '../../support/devchain.ts'
import { RpcError } from '../../../protocol/jsonrpc.ts'
import { parseTx, serializeTx } from '../../../devchain/tx/transaction.ts'
import { fromHex, toHex } from '../../../devchain/crypto/hash.ts'

async function rpcError(p: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(RpcError)
    const r = e as RpcError
    return { code: r.code, message: r.message }
  }
  throw new Error('expected an RpcError')
}

let chain: Devchain
const call = (method: string, params: unknown[] = [], node = 'miner') => chain.call(node, method, params)

beforeEach(async () => {
  chain = await createDevchain({ dataDir: null, seed: 'ledger-test' })
})

describe('a fresh devchain', () => {
  it('has the premine in block 1, paid P2PK to the miner pubkey', async () => {
    expect(await call('getblockcount')).toBe(1)
    const info = (await call('getinfo')) as Record<string, unknown>
    const utxos = (await call('listunspent')) as Record<string, unknown>[]
    expect(utxos).toHaveLength(1)
    // komodod's premine: the supply plus magic & 0xffffff satoshis (was exactly the supply: issue 15).
    expect(Number(utxos[0].amount)).toBe(chain.params.premineSats / 1e8)
    expect(chain.params.premineSats).toBe(1_000_000 * 1e8 + ((chain.params.magic >>> 0) & 0xffffff))
    expect(utxos[0].scriptPubKey).toBe(`21${info.pubkey}ac`)
    expect(utxos[0].generated).toBe(true)
    expect(Number(await call('getbalance', [], 'reader'))).toBe(0)
    expect(chain.nodes).toEqual(['miner', 'reader'])
  })

  it('gives each node its own wallet (ismine per node)', async () => {
    const addr = (await call('getnewaddress', [], 'reader')) as string
    expect(((await call('validateaddress', [addr], 'reader')) as { ismine: boolean }).ismine).toBe(true)
    expect(((await call('validateaddress', [addr], 'miner')) as { ismine: boolean }).ismine).toBe(false)
  })
})

describe('payments and the mempool', () => {
  it('moves coins with sendtoaddress, pays the fee to the miner and indexes the address', async () => {
    const addr = (await call('getnewaddress', [], 'reader')) as string
    const txid = (await call('sendtoaddress', [addr, 2.5])) as string
    expect(await call('getrawmempool')).toEqual([txid])
    expect(Number(await call('getbalance', [], 'reader'))).toBe(0) // unconfirmed, not from me
    const [hash] = (await call('generate', [1])) as string[]
    expect(await call('getrawmempool')).toEqual([])
    expect(Number(await call('getbalance', [], 'reader'))).toBe(2.5)
    expect(await call('getaddressbalance', [{ addresses: [addr] }])).toEqual({ balance: 250_000_000, received: 250_000_000 })
    expect(await call('getaddresstxids', [{ addresses: [addr] }])).toEqual([txid])
    const raw = (await call('getrawtransaction', [txid, 1])) as Record<string, unknown>
    expect(raw.blockhash).toBe(hash)
    expect(raw.confirmations).toBe(1)
    const block = (await call('getblock', [hash])) as { tx: string[] }
    expect(block.tx[1]).toBe(txid)
    // Spent index: the premine coinbase output now names its spender.
    const premine = (await call('getblock', ['1'])) as { tx: string[] }
    const cb = (await call('getrawtransaction', [premine.tx[0], 1])) as { vout: { spentTxId?: string; spentIndex?: number; spentHeight?: number }[] }
    expect([cb.vout[0].spentTxId, cb.vout[0].spentIndex, cb.vout[0].spentHeight]).toEqual([txid, 0, 2])
    const spender = (await call('getrawtransaction', [txid, 1])) as { vin: { address: string; valueSat: number }[] }
    expect(spender.vin[0].valueSat).toBe(chain.params.premineSats)
    // premine − 2.5 − fee + reward of block 2 (0.0001) + the fee back (the miner mined it).
    expect(Number(await call('getbalance'))).toBeCloseTo(chain.params.premineSats / 1e8 - 2.5 + 0.0001, 8)
  })

  it('refuses a double spend (-26 258), a spent input (-25), a mined tx (-27) and garbage (-22)', async () => {
    const addr = (await call('getnewaddress', [], 'reader')) as string
    const txid = (await call('sendtoaddress', [addr, 1])) as string
    const hex = (await call('getrawtransaction', [txid])) as string
    expect(await call('sendrawtransaction', [hex])).toBe(txid) // already in mempool: same txid
    // Same input, different outputs: a conflicting spend.
    const tx = parseTx(fromHex(hex))
    tx.vout[0].value -= 1
    const conflict = toHex(serializeTx(tx))
    expect(await rpcError(call('sendrawtransaction', [conflict]))).toEqual({ code: -26, message: '258: txn-mempool-conflict' })
    await call('generate', [1])
    expect(await rpcError(call('sendrawtransaction', [hex]))).toEqual({ code: -27, message: 'transaction already in block chain' })
    expect(await rpcError(call('sendrawtransaction', [conflict]))).toEqual({ code: -25, message: 'Missing inputs' })
    expect(await rpcError(call('sendrawtransaction', ['00']))).toEqual({ code: -22, message: 'TX decode failed' })
    expect(await rpcError(call('sendrawtransaction', ['zz']))).toEqual({ code: -22, message: 'TX decode failed' })
    expect(await rpcError(call('sendrawtransaction', [1]))).toEqual({ code: -3, message: 'Expected type string, got number' })
  })

  it('refuses an overspend and a forged signature with komodod reject reasons', async () => {
    const addr = (await call('getnewaddress', [], 'reader')) as string
    const txid = (await call('sendtoaddress', [addr, 1])) as string
    await call('generate', [1])
    const hex = (await call('getrawtransaction', [txid])) as string
    const prev = parseTx(fromHex(hex))
    // Spend the reader's 1-coin output with more value out than in, unsigned.
    const spend = parseTx(fromHex(hex))
    spend.vin = [{ prevHash: fromHex(txid).reverse(), prevIndex: 0, script: new Uint8Array(0), sequence: 0xffffffff }]
    spend.vout = [{ value: prev.vout[0].value + 1, script: prev.vout[0].script }]
    expect(await rpcError(call('sendrawtransaction', [toHex(serializeTx(spend))]))).toEqual({ code: -26, message: '16: bad-txns-in-belowout' })
    // Value fine, but the miner's signature (copied from another tx) does not sign this one.
    spend.vout[0].value = prev.vout[0].value - 10_000
    spend.vin[0].script = prev.vin[0].script
    const err = await rpcError(call('sendrawtransaction', [toHex(serializeTx(spend))]))
    expect(err.code).toBe(-26)
    expect(err.message).toMatch(/^16: mandatory-script-verify-flag-failed \(/)
  })

  it('accepts a transaction signed elsewhere (real signatures over the ZIP-243 hash)', async () => {
    const addr = (await call('getnewaddress', [], 'reader')) as string
    const txid = (await call('sendtoaddress', [addr, 1])) as string
    const hex = (await call('getrawtransaction', [txid])) as string
    // A second chain with the same seed signs identically; its tx is valid on a third, fresh one.
    const other = await createDevchain({ dataDir: null, seed: 'ledger-test' })
    await other.call('reader', 'getnewaddress', [])
    const fresh = await createDevchain({ dataDir: null, seed: 'ledger-test' })
    await fresh.call('reader', 'getnewaddress', [])
    expect(await fresh.call('miner', 'sendrawtransaction', [hex])).toBe(txid)
  })

  it('answers -6 for more than the balance and -5 for a bad address', async () => {
    const addr = (await call('getnewaddress', [], 'reader')) as string
    expect(await rpcError(call('sendtoaddress', [addr, 1], 'reader'))).toEqual({ code: -6, message: 'Insufficient funds' })
    expect(await rpcError(call('sendtoaddress', ['Rnotanaddress', 1]))).toEqual({ code: -5, message: 'Invalid Komodo address' })
    expect(await rpcError(call('sendtoaddress', [addr, 0]))).toEqual({ code: -3, message: 'Invalid amount for send' })
    expect(await rpcError(call('sendtoaddress', [addr, 0.123456789]))).toEqual({ code: -3, message: 'Invalid amount' })
    expect(await rpcError(call('sendtoaddress', [addr, true]))).toEqual({ code: -3, message: 'Amount is not a number or string' })
    expect(typeof (await call('sendtoaddress', [addr, '0.5']))).toBe('string')
  })
})

describe('blocks and parameter typing (reference §1.3)', () => {
  it('answers komodod typing and range errors', async () => {
    expect(await rpcError(call('getblock', [1]))).toEqual({ code: -1, message: 'JSON value is not a string as expected' })
    expect(await rpcError(call('getblockhash', ['1']))).toEqual({ code: -1, message: 'JSON value is not an integer as expected' })
    expect(await rpcError(call('getblock', ['99999999']))).toEqual({ code: -8, message: 'Block height out of range' })
    expect(await rpcError(call('getblockhash', [5]))).toEqual({ code: -8, message: 'Block height out of range' })
    expect(await rpcError(call('getblock', ['1', 3]))).toEqual({ code: -8, message: 'Verbosity must be in range from 0 to 2' })
    expect(await rpcError(call('getblock', ['00'.repeat(32)]))).toEqual({ code: -5, message: 'Block not found' })
    expect(await rpcError(call('nosuch'))).toEqual({ code: -32601, message: 'Method not found' })
  })

  it('serves a block by height string, by hash, as hex and with decoded txs', async () => {
    const hash = (await call('getblockhash', [1])) as string
    const b1 = (await call('getblock', ['1'])) as Record<string, unknown>
    expect(b1.hash).toBe(hash)
    expect(await call('getblock', [hash])).toEqual(b1)
    const hex = (await call('getblock', [hash, 0])) as string
    expect(hex.length / 2).toBe(b1.size)
    const b2 = (await call('getblock', [hash, 2])) as { tx: { txid: string; vin: { coinbase?: string }[] }[] }
    expect(b2.tx[0].txid).toBe((b1.tx as string[])[0])
    expect(typeof b2.tx[0].vin[0].coinbase).toBe('string')
    expect(b1.previousblockhash).toBe(await call('getblockhash', [0]))
  })
})

describe('mining modes', () => {
  it('automine mines a block per accepted transaction', async () => {
    expect(await call('devchain_setmining', ['automine'])).toEqual({ mode: 'automine', seconds: 0 })
    const addr = (await call('getnewaddress', [], 'reader')) as string
    const before = (await call('getblockcount')) as number
    const txid = await call('sendtoaddress', [addr, 1])
    expect(await call('getblockcount')).toBe(before + 1)
    expect(await call('getrawmempool')).toEqual([])
    expect(((await call('getrawtransaction', [txid, 1])) as { confirmations: number }).confirmations).toBe(1)
    const info = (await call('devchain_info')) as { kind: string; mining: { mode: string } }
    expect(info.kind).toBe('devchain')
    expect(info.mining.mode).toBe('automine')
  })

  it('interval mining produces blocks on its own', async () => {
    const before = (await call('getblockcount')) as number
    const mined = new Promise<number>((r) => chain.on('block', (b) => r(b.height)))
    expect(await call('devchain_setmining', ['interval', 1])).toEqual({ mode: 'interval', seconds: 1 })
    expect(await mined).toBe(before + 1)
    expect(((await call('getmininginfo')) as { generate: boolean }).generate).toBe(true)
    await call('devchain_setmining', ['manual'])
    await chain.close()
  })

  it('emits block events and keeps answering during a long generate', async () => {
    const seen: number[] = []
    chain.on('block', (b) => seen.push(b.height))
    const gen = call('generate', [1000]) as Promise<string[]>
    let answeredDuring = false
    const probe = (async () => {
      await new Promise((r) => setImmediate(r))
      const h = (await call('getblockcount')) as number
      answeredDuring = h < 1001
    })()
    const hashes = await gen
    await probe
    expect(hashes).toHaveLength(1000)
    expect(seen.at(-1)).toBe(1001)
    expect(answeredDuring).toBe(true)
  })
})

describe('many-input spends', () => {
  it('signs and verifies in chunks while other calls are answered, and refuses past the size limit', async () => {
    // The reader mines 80 blocks: 80 coinbase coins of 0.0001 each.
    await call('generate', [80], 'reader')
    const dest = (await call('getnewaddress', [], 'miner')) as string
    let order: string[] = []
    const send = call('sendtoaddress', [dest, 0.005], 'reader').then((t) => (order.push('send'), t as string))
    const count = call('getblockcount').then(() => order.push('count'))
    const txid = await send
    await count
    expect(order).toEqual(['count', 'send'])
    const raw = (await call('getrawtransaction', [txid, 1])) as { vin: unknown[] }
    expect(raw.vin.length).toBe(51)
    // The same 51-input tx verifies through sendrawtransaction on an identical fresh chain.
    const hex = (await call('getrawtransaction', [txid])) as string
    const twin = await createDevchain({ dataDir: null, seed: 'ledger-test' })
    await twin.call('reader', 'generate', [80])
    await twin.call('miner', 'getnewaddress', [])
    order = []
    const accepted = twin.call('miner', 'sendrawtransaction', [hex]).then((t) => (order.push('raw'), t))
    const probe = twin.call('miner', 'getblockcount', []).then(() => order.push('count'))
    expect(await accepted).toBe(txid)
    await probe
    expect(order).toEqual(['count', 'raw'])
    await call('generate', [700], 'reader')
    expect(await rpcError(call('sendtoaddress', [dest, 0.07], 'reader'))).toEqual({ code: -4, message: 'Transaction too large' })
  }, 30_000)
})

describe('determinism', () => {
  it('replays identical hashes and txids from the same seed, different ones from another', async () => {
    const run = async (seed: string) => {
      const c = await createDevchain({ dataDir: null, seed })
      const addr = (await c.call('reader', 'getnewaddress', [])) as string
      const txid = await c.call('miner', 'sendtoaddress', [addr, 3])
      const hashes = await c.call('miner', 'generate', [3])
      return { addr, txid, hashes, best: await c.call('miner', 'getbestblockhash', []) }
    }
    const a = await run('same')
    const b = await run('same')
    const c = await run('other')
    expect(b).toEqual(a)
    expect(c.txid).not.toBe(a.txid)
    expect(c.best).not.toBe(a.best)
  })
})
