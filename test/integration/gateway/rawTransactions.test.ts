/**
 * createrawtransaction → signrawtransaction → sendrawtransaction on both nodes, through the real
 * gateway over HTTP on 127.0.0.1 and the real devchain; each bad input gets komodod's error, and a
 * privkeys argument never passes the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevchainCore } from '../../../devchain/index.ts'
import { createDevchainUpstream } from '../../../server/gateway/index.ts'
import type { RunningGateway } from './support.ts'
import { devchainCore, post, startGateway } from './support.ts'

let core: DevchainCore
let gw: RunningGateway
let id = 0

beforeAll(async () => {
  core = await devchainCore()
  gw = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), limits: { ratePerSec: 0 } })
})

afterAll(async () => {
  await gw.close()
  await core.close()
})

interface Reply { result: any; error: { code: number; message: string } | null }

async function rpc(node: string, method: string, params: unknown[] = []): Promise<Reply & { status: number }> {
  const r = await post(`${gw.url}/rpc/${node}`, JSON.stringify({ method, params, id: ++id }))
  return { ...(r.json as Reply), status: r.status }
}

async function ok(node: string, method: string, params: unknown[] = []): Promise<any> {
  const r = await rpc(node, method, params)
  expect(r.error, `${node} ${method} ${JSON.stringify(params)}`).toBeNull()
  return r.result
}

/** The largest spendable coin of `node` (at least 2 coins: the miner's premine; the reader is funded first). */
async function coinOf(node: string): Promise<{ txid: string; vout: number; amount: number; address: string }> {
  const coins = (await ok(node, 'listunspent')) as { txid: string; vout: number; amount: number; address: string }[]
  const c = [...coins].sort((a, b) => b.amount - a.amount).find((x) => x.amount >= 2)
  expect(c, `${node} has a coin`).toBeDefined()
  return c!
}

describe('raw transactions through the gateway', () => {
  it('create → sign → send works on both nodes', async () => {
    const readerAddr = await ok('reader', 'getnewaddress')
    await ok('miner', 'sendtoaddress', [readerAddr, 5])
    await ok('miner', 'generate', [1])
    for (const [node, other] of [['miner', 'reader'], ['reader', 'miner']]) {
      const coin = await coinOf(node)
      const to = await ok(other, 'getnewaddress')
      const change = await ok(node, 'getnewaddress')
      const outputs = { [to]: 1, [change]: Number((coin.amount - 1 - 0.0001).toFixed(8)) }
      const hex = await ok(node, 'createrawtransaction', [[{ txid: coin.txid, vout: coin.vout }], outputs])
      const decoded = await ok(node, 'decoderawtransaction', [hex])
      expect(decoded.expiryheight).toBe((await ok(node, 'getblockcount')) + 1 + 200)
      const signed = await ok(node, 'signrawtransaction', [hex])
      expect(signed).toEqual({ hex: expect.any(String), complete: true })
      const txid = await ok(node, 'sendrawtransaction', [signed.hex])
      expect(await ok(node, 'getrawmempool')).toContain(txid)
      expect((await ok(node, 'gettxout', [txid, 0])).confirmations).toBe(0)
      await ok(node, 'generate', [1])
      expect((await ok(other, 'getaddressbalance', [{ addresses: [to] }])).balance).toBe(100_000_000)
      expect(await ok(node, 'gettxout', [coin.txid, coin.vout])).toBeNull()
    }
  })

  it('gives komodod errors for each bad input', async () => {
    const coin = await coinOf('miner')
    const to = await ok('reader', 'getnewaddress')
    const e = async (method: string, params: unknown[], node = 'miner') => (await rpc(node, method, params)).error
    // Unknown address, negative amount.
    expect(await e('createrawtransaction', [[{ txid: coin.txid, vout: coin.vout }], { RNotAnAddress111: 1 }]))
      .toEqual({ code: -5, message: 'Invalid Komodo address or script: RNotAnAddress111' })
    expect(await e('createrawtransaction', [[{ txid: coin.txid, vout: coin.vout }], { [to]: -1 }]))
      .toEqual({ code: -3, message: 'Amount out of range' })
    // Missing inputs: signing reports it, sending refuses it.
    const ghost = await ok('miner', 'createrawtransaction', [[{ txid: 'ab'.repeat(32), vout: 0 }], { [to]: 1 }])
    const ghostSigned = await ok('miner', 'signrawtransaction', [ghost])
    expect(ghostSigned.complete).toBe(false)
    expect(ghostSigned.errors).toEqual([{ txid: 'ab'.repeat(32), vout: 0, scriptSig: '', sequence: 4294967295, error: 'Input not found or already spent' }])
    expect(await e('sendrawtransaction', [ghostSigned.hex])).toEqual({ code: -25, message: 'Missing inputs' })
    // A lock time in the future: non-final.
    const height = await ok('miner', 'getblockcount')
    const locked = await ok('miner', 'createrawtransaction', [[{ txid: coin.txid, vout: coin.vout }], { [to]: 1 }, height + 10])
    const lockedSigned = await ok('miner', 'signrawtransaction', [locked])
    expect(lockedSigned.complete).toBe(true)
    expect(await e('sendrawtransaction', [lockedSigned.hex])).toEqual({ code: -26, message: '64: non-final' })
    // An input the wallet cannot sign: the reader holds no key for the miner's coin.
    const theirs = await ok('reader', 'createrawtransaction', [[{ txid: coin.txid, vout: coin.vout }], { [to]: 1 }])
    const partial = await ok('reader', 'signrawtransaction', [theirs])
    expect(partial.complete).toBe(false)
    expect(partial.errors).toEqual([{ txid: coin.txid, vout: coin.vout, scriptSig: '', sequence: 4294967295, error: 'Operation not valid with the current stack size' }])
    expect(await e('sendrawtransaction', [partial.hex], 'reader'))
      .toEqual({ code: -26, message: '16: mandatory-script-verify-flag-failed (Operation not valid with the current stack size)' })
  })

  it('never lets a privkeys argument through, with HTTP 403', async () => {
    const r = await rpc('miner', 'signrawtransaction', ['00', [], ['UqMgrVgtQ4FKgvTGjVWQzHJfLmvRCLpaSpHs5apzPd8jjYPHt4YX']])
    expect(r.status).toBe(403)
    expect(r.error).toEqual({ code: -32601, message: 'Parameter "privkeys" is never allowed by the gateway (private keys)' })
  })
})
