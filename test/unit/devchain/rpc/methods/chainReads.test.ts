/** gettxout, getblockheader, getmempoolinfo, coinsupply: komodod's keys, typing and nulls. */
import { describe, it, expect } from 'vitest'
import { chain, rpcError } from './support.ts'

describe('chain reads', () => {
  it('gettxout: an unspent output, 0 confirmations from the mempool, null once spent or without the mempool', async () => {
    const { c, call } = await chain(['-ac_name=RPCT', '-ac_supply=1000', '-regtest'])
    const to = await call('getnewaddress', [], 'reader')
    const txid = await call('sendtoaddress', [to, 2])
    const out = await call('gettxout', [txid, 0])
    expect(Object.keys(out)).toEqual(['bestblock', 'confirmations', 'rawconfirmations', 'value', 'scriptPubKey', 'version', 'coinbase'])
    expect([out.confirmations, Number(out.value), out.coinbase, out.scriptPubKey.addresses]).toEqual([0, 2, false, [to]])
    expect(await call('gettxout', [txid, 0, false])).toBeNull()
    const spentCoin = (await call('getrawtransaction', [txid, 1])).vin[0]
    expect(await call('gettxout', [spentCoin.txid, spentCoin.vout])).toBeNull() // spent in the mempool
    expect(await call('gettxout', [spentCoin.txid, spentCoin.vout, false])).not.toBeNull()
    expect(await call('gettxout', [txid, 99])).toBeNull()
    expect(await rpcError(call('gettxout', [txid, '0']))).toEqual({ code: -1, message: 'JSON value is not an integer as expected' })
    // getmempoolinfo: size and bytes; fullyNotified on regtest only.
    const pool = await call('getmempoolinfo')
    expect(Object.keys(pool)).toEqual(['size', 'bytes', 'usage', 'fullyNotified'])
    expect([pool.size, pool.bytes]).toEqual([1, (await call('getrawtransaction', [txid])).length / 2])
    await c.close()
  })

  it('getblockheader: verbose keys in komodod order, hex of the header, Block not found', async () => {
    const { c, call } = await chain()
    const [hash] = await call('generate', [1])
    const h = await call('getblockheader', [hash])
    expect(Object.keys(h)).toEqual(['last_notarized_height', 'hash', 'confirmations', 'rawconfirmations', 'height', 'version', 'merkleroot',
      'finalsaplingroot', 'time', 'nonce', 'solution', 'bits', 'difficulty', 'chainwork', 'segid', 'previousblockhash'])
    const b = await call('getblock', [hash])
    for (const k of ['hash', 'height', 'merkleroot', 'time', 'nonce', 'solution', 'bits', 'chainwork', 'previousblockhash']) expect(h[k], k).toEqual(b[k])
    const raw = await call('getblock', [hash, 0])
    expect(raw.startsWith(await call('getblockheader', [hash, false]))).toBe(true)
    expect(await rpcError(call('getblockheader', ['00']))).toEqual({ code: -5, message: 'Block not found' })
    expect(await rpcError(call('getblockheader', [hash, 1]))).toEqual({ code: -1, message: 'JSON value is not a boolean as expected' })
    await c.close()
  })

  it('coinsupply: the height is a string; supply counts the premine and rewards', async () => {
    const { c, call } = await chain()
    await call('generate', [2])
    const premine = c.params.premineSats
    const s = await call('coinsupply', ['3'])
    expect(Object.keys(s)).toEqual(['result', 'coin', 'height', 'supply', 'zfunds', 'sprout', 'total'])
    expect([s.result, s.coin, s.height, Math.round(Number(s.supply) * 1e8)]).toEqual(['success', 'RPCT', 3, premine + 2 * 100_000_000])
    expect(await call('coinsupply', ['9'])).toEqual({ error: 'invalid height' })
    expect(await call('coinsupply', ['0'])).toEqual({ error: 'couldnt calculate supply' })
    expect(await rpcError(call('coinsupply', [3]))).toEqual({ code: -1, message: 'JSON value is not a string as expected' })
    await c.close()
  })
})
