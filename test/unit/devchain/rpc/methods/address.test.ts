/** getaddressdeltas, getaddressmempool and getspentinfo over the address and spent indexes. */
import { describe, it, expect, vi, afterEach } from 'vitest'
import { chain, rpcError } from './support.ts'

describe('address and spent indexes', () => {
  it('follows a payment from the mempool into the deltas, and names its spender', async () => {
    const { c, call } = await chain()
    const to = await call('getnewaddress', [], 'reader')
    const txid = await call('sendtoaddress', [to, 2])
    const pool = await call('getaddressmempool', [{ addresses: [to] }])
    expect(pool).toEqual([{ address: to, txid, index: 0, satoshis: 200_000_000, timestamp: expect.any(Number) }])
    const spent = (await call('getrawtransaction', [txid, 1])).vin[0]
    const minerAddr = (await call('devchain_info')).nodes[0].address
    const debits = (await call('getaddressmempool', [minerAddr])).filter((e: { satoshis: number }) => e.satoshis < 0)
    expect(debits).toEqual([{ address: minerAddr, txid, index: 0, satoshis: expect.any(Number), timestamp: expect.any(Number), prevtxid: spent.txid, prevout: spent.vout }])
    expect(await call('getspentinfo', [{ txid: spent.txid, index: spent.vout }])).toEqual({ txid, index: 0, height: -1 })
    await call('generate', [1])
    const height = await call('getblockcount')
    expect(await call('getspentinfo', [{ txid: spent.txid, index: spent.vout }])).toEqual({ txid, index: 0, height })
    expect(await call('getaddressmempool', [{ addresses: [to] }])).toEqual([])
    const deltas = await call('getaddressdeltas', [{ addresses: [to] }])
    expect(deltas).toEqual([{ satoshis: 200_000_000, txid, index: 0, blockindex: 1, height, address: to }])
    const ranged = await call('getaddressdeltas', [{ addresses: [to], start: 1, end: height, chainInfo: true }])
    expect(Object.keys(ranged)).toEqual(['deltas', 'start', 'end'])
    expect(ranged.end).toEqual({ hash: await call('getbestblockhash'), height })
    expect(await rpcError(call('getaddressdeltas', [{ addresses: [to], start: 0, end: 1 }]))).toEqual({ code: -5, message: 'Start and end is expected to be greater than zero' })
    expect(await rpcError(call('getaddressdeltas', [{ addresses: [to], start: 1, end: 99, chainInfo: true }]))).toEqual({ code: -5, message: 'Start or end is outside chain range' })
    expect(await rpcError(call('getaddressdeltas', [to]))).toEqual({ code: -1, message: 'getaddressdeltas\n' })
    expect(await rpcError(call('getspentinfo', [{ txid, index: 0 }]))).toEqual({ code: -5, message: 'Unable to get spent info' })
    expect(await rpcError(call('getspentinfo', [{ txid }]))).toEqual({ code: -5, message: 'Invalid txid or index' })
    await c.close()
  })
})

describe('long walks over the address index', () => {
  afterEach(() => vi.restoreAllMocks())

  // A clock that moves 10 ms at each look makes every look past the first find its slice spent, so
  // the walks pause on any machine, however fast; what is checked is the order calls finish in.
  const slowClock = (): void => {
    let now = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10))
  }

  it('let a cheap call finish while they walk, and answer what the index held when they began', async () => {
    const { c, call } = await chain()
    await call('generate', [600])
    const miner = (await call('devchain_info')).nodes[0].address
    const byMiner = [{ addresses: [miner] }]
    expect((await call('getaddresstxids', byMiner)).length).toBeGreaterThan(600)
    slowClock()
    for (const method of ['getaddressbalance', 'getaddressutxos', 'getaddresstxids', 'getaddressdeltas']) {
      const answer = await call(method, byMiner)
      const order: string[] = []
      const walk = call(method, byMiner).then((r) => {
        order.push(method)
        return r
      })
      // Started after the walk, on the same thread: it finishes first only if the walk pauses.
      const height = await call('getblockcount')
      order.push('getblockcount')
      // A block mined while the walk pauses is not half-seen: it answers the index it began with.
      await call('generate', [1])
      order.push('generate')
      expect(await walk).toEqual(answer)
      expect(order).toEqual(['getblockcount', 'generate', method])
      expect(await call('getblockcount')).toBe(height + 1)
    }
    await c.close()
  })
})
