/**
 * The Tokens journey through the devchain's HTTP face: create, mine, inspect, transfer to the
 * reader, balances on both sides, burning to an unheld pubkey, and every soft error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChain, SCRIPT_FALSE, type ChainHttp } from '../support.ts'
import { ccAddress } from '../../../../devchain/cc/condition.ts'
import { hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { komodoFixtures } from '../../../support/fixtures.ts'

const fixtures = komodoFixtures
const fixture = (id: string) => fixtures.responses.find((r: { id: string }) => r.id === id)
const soft = (error: string) => ({ result: 'error', error })
const NOBODY = '02' + '5'.repeat(64)

let chain: ChainHttp
let minerPk: string
let readerPk: string
beforeAll(async () => {
  chain = await startChain()
  minerPk = (await chain.ok('miner', 'getinfo')).pubkey
  readerPk = (await chain.ok('reader', 'getinfo')).pubkey
})
afterAll(async () => {
  await chain.close()
})

describe('tokenaddress', () => {
  it('has komodod\'s keys in order (F22), no CCTokensAddress for Tokens itself', async () => {
    const f = fixture('tokenaddress')
    const r = await chain.ok('miner', 'tokenaddress', f.request.params)
    expect(Object.keys(r)).toEqual(Object.keys(f.result))
    for (const k of ['result', 'TokensCCAddress', 'TokensNormalAddress']) expect(r[k]).toBe(f.result[k])
    expect(r['PubkeyCCaddress(Tokens)']).toBe(ccAddress(0xf2, hexToBytes(f.request.params[0])))
    expect(Object.keys(r).some((k) => k.includes('CCTokensAddress'))).toBe(false)
  })
})

describe('the token flow', () => {
  let tokenid: string

  it('tokencreate builds the creation; its txid is the tokenid; tokeninfo waits for a block', async () => {
    const r = await chain.ok('miner', 'tokencreate', ['DOCS', '0.001', 'A token made in the docs'])
    expect(Object.keys(r)).toEqual(['result', 'hex'])
    const decoded = await chain.ok('miner', 'decoderawtransaction', [r.hex])
    expect(decoded.vout[0]).toMatchObject({ valueZat: 10_000, scriptPubKey: { type: 'cryptocondition', addresses: ['RAMvUfoyURBRxAdVeTMHxn3giJZCFWeha2'] } })
    expect(decoded.vout[1]).toMatchObject({ valueZat: 100_000, scriptPubKey: { addresses: [ccAddress(0xf2, hexToBytes(minerPk))] } })
    const opret = decoded.vout[decoded.vout.length - 1].scriptPubKey.hex
    expect(opret.startsWith(`6a`)).toBe(true)
    expect(opret).toContain(`f26321${minerPk}04444f4353`)
    tokenid = await chain.ok('miner', 'sendrawtransaction', [r.hex])
    expect(tokenid).toBe(decoded.txid)
    expect(await chain.ok('miner', 'tokeninfo', [tokenid])).toEqual(soft('the transaction is still in mempool'))
    expect(await chain.ok('miner', 'tokenlist')).toEqual([])
  })

  it('once mined: tokeninfo with an integer supply, tokenlist, the creator\'s balance', async () => {
    await chain.ok('miner', 'generate', [1])
    const info = await chain.ok('miner', 'tokeninfo', [tokenid])
    expect(info).toEqual({ result: 'success', tokenid, owner: minerPk, name: 'DOCS', supply: 100000, description: 'A token made in the docs' })
    expect(Object.keys(info)).toEqual(Object.keys(fixture('tokeninfo').result))
    expect(await chain.ok('miner', 'tokenlist')).toEqual([tokenid])
    expect(await chain.ok('miner', 'tokenbalance', [tokenid])).toEqual({ result: 'success', CCaddress: ccAddress(0xf2, hexToBytes(minerPk)), tokenid, balance: 100000 })
  })

  it('tokentransfer to the reader\'s pubkey: balances on both sides', async () => {
    const r = await chain.ok('miner', 'tokentransfer', [tokenid, readerPk, '1500'])
    expect(r.result).toBe('success')
    const decoded = await chain.ok('miner', 'decoderawtransaction', [r.hex])
    expect(decoded.vout[decoded.vout.length - 1].scriptPubKey.hex).toContain(`f274${tokenid}0121${readerPk}`)
    await chain.ok('miner', 'sendrawtransaction', [r.hex])
    // Unconfirmed token outputs are not spendable yet; the spent ones are excluded already.
    expect((await chain.ok('miner', 'tokenbalance', [tokenid])).balance).toBe(0)
    await chain.ok('miner', 'generate', [1])
    expect((await chain.ok('miner', 'tokenbalance', [tokenid])).balance).toBe(98500)
    expect(await chain.ok('miner', 'tokenbalance', [tokenid, readerPk])).toEqual({ result: 'success', CCaddress: ccAddress(0xf2, hexToBytes(readerPk)), tokenid, balance: 1500 })
    expect((await chain.ok('reader', 'tokenbalance', [tokenid])).balance).toBe(1500)
    expect((await chain.ok('miner', 'tokeninfo', [tokenid])).supply).toBe(100000)
  })

  it('the reader needs coins for the fee; with them it can send tokens on', async () => {
    expect(await chain.ok('reader', 'tokentransfer', [tokenid, minerPk, '100'])).toEqual(soft('insufficient normal inputs for tx fee'))
    const readerAddr = (await chain.ok('reader', 'faucetaddress')).myaddress
    await chain.ok('miner', 'sendtoaddress', [readerAddr, 1])
    await chain.ok('miner', 'generate', [1])
    const r = await chain.ok('reader', 'tokentransfer', [tokenid, minerPk, '100'])
    expect(r.result).toBe('success')
    await chain.ok('reader', 'sendrawtransaction', [r.hex])
    await chain.ok('miner', 'generate', [1])
    expect((await chain.ok('reader', 'tokenbalance', [tokenid])).balance).toBe(1400)
    expect((await chain.ok('miner', 'tokenbalance', [tokenid])).balance).toBe(98600)
  })

  it('sending to a pubkey nobody holds burns the tokens', async () => {
    const r = await chain.ok('miner', 'tokentransfer', [tokenid, NOBODY, '600'])
    await chain.ok('miner', 'sendrawtransaction', [r.hex])
    await chain.ok('miner', 'generate', [1])
    expect((await chain.ok('miner', 'tokenbalance', [tokenid, NOBODY])).balance).toBe(600)
    expect((await chain.ok('miner', 'tokenbalance', [tokenid])).balance).toBe(98000)
  })

  it('a transfer altered after signing (one more unit to the reader) is refused (-26)', async () => {
    const r = await chain.ok('miner', 'tokentransfer', [tokenid, readerPk, '1000'])
    expect((await chain.ok('miner', 'decoderawtransaction', [r.hex])).vout[0].valueZat).toBe(1000)
    const hex = r.hex.replace('e803000000000000302e', 'e903000000000000302e')
    expect(hex).not.toBe(r.hex)
    const res = await chain.rpc('miner', 'sendrawtransaction', [hex])
    expect([res.status, res.error]).toEqual([500, { code: -26, message: SCRIPT_FALSE }])
  })

  it('NFT data: supply of exactly one unit, data echoed by tokeninfo', async () => {
    expect(await chain.ok('miner', 'tokencreate', ['NFT', '1', 'one of a kind', 'f70101'])).toEqual(soft('for non-fungible tokens tokensupply should be equal to 1'))
    const r = await chain.ok('miner', 'tokencreate', ['NFT', '0.00000001', 'one of a kind', 'f70101'])
    const id = await chain.ok('miner', 'sendrawtransaction', [r.hex])
    await chain.ok('miner', 'generate', [1])
    expect(await chain.ok('miner', 'tokeninfo', [id])).toEqual({ result: 'success', tokenid: id, owner: minerPk, name: 'NFT', supply: 1, description: 'one of a kind', data: 'f70101' })
    expect(await chain.ok('miner', 'tokenlist')).toEqual([tokenid, id])
  })
})

describe('token errors', () => {
  it('tokencreate soft errors', async () => {
    const c = (p: unknown[]) => chain.ok('miner', 'tokencreate', p)
    expect(await c(['', '1'])).toEqual(soft('Token name must not be empty and up to 32 characters'))
    expect(await c(['x'.repeat(33), '1'])).toEqual(soft('Token name must not be empty and up to 32 characters'))
    expect(await c(['T', '0'])).toEqual(soft('Token supply must be positive'))
    expect(await c(['T', 'abc'])).toEqual(soft('Token supply must be positive'))
    expect(await c(['T', '1', 'd'.repeat(4097)])).toEqual(soft('Token description must be <= 4096 characters'))
    expect(await c(['T', '0.00000001', 'd', 'zz'])).toEqual(soft('Non-fungible data incorrect'))
    expect(await c(['T', '0.00000001', 'd', 'ab'.repeat(10002)])).toEqual(soft('Non-fungible data size must be <= 10001'))
    expect(await c(['T', '99999999'])).toEqual(soft('cant find normal inputs'))
    expect(await chain.ok('reader', 'tokencreate', ['T', '5'])).toEqual(soft('cant find normal inputs'))
  })

  it('tokencreate refuses inputs not signed by -pubkey', async () => {
    // Coins on another wallet address (not the pubkey) are what the wallet picks for this supply.
    const other = await chain.ok('miner', 'getnewaddress')
    await chain.ok('miner', 'sendtoaddress', [other, 3])
    await chain.ok('miner', 'generate', [1])
    expect(await chain.ok('miner', 'tokencreate', ['T', '2'])).toEqual(soft('some inputs signed not with -pubkey=pk'))
  })

  it('tokeninfo, tokenbalance and tokentransfer soft errors', async () => {
    const fundTx = (await chain.ok('miner', 'getblock', ['1', 1])).tx[0]
    expect(await chain.ok('miner', 'tokeninfo', ['00'])).toEqual(soft('cant find tokenid'))
    expect(await chain.ok('miner', 'tokeninfo', ['ab'.repeat(32)])).toEqual(soft('cant find tokenid'))
    expect(await chain.ok('miner', 'tokeninfo', [fundTx])).toEqual(soft('tokenid isnt token creation txid'))
    expect(await chain.ok('miner', 'tokenbalance', ['ab'.repeat(32)])).toEqual(soft('cant find tokenid'))
    const t = (p: unknown[]) => chain.ok('miner', 'tokentransfer', p)
    const [tokenid] = await chain.ok('miner', 'tokenlist')
    expect(await t(['zz', readerPk, '1'])).toEqual(soft('invalid tokenid'))
    expect(await t([tokenid, readerPk, '0'])).toEqual(soft('amount must be positive'))
    expect(await t([tokenid, readerPk, 'abc'])).toEqual(soft('amount must be positive'))
    expect(await t([tokenid, readerPk, '100000000'])).toEqual(soft('insufficient token inputs'))
    expect(await t(['ab'.repeat(32), readerPk, '1'])).toEqual(soft('no token inputs'))
  })

  it('numeric parameters and wrong counts get komodod\'s -1 errors', async () => {
    const r = await chain.rpc('miner', 'tokencreate', ['T', 1])
    expect([r.status, r.error]).toEqual([500, { code: -1, message: 'JSON value is not a string as expected' }])
    expect((await chain.rpc('miner', 'tokentransfer', ['a', 'b', 5])).error).toEqual({ code: -1, message: 'JSON value is not a string as expected' })
    expect((await chain.rpc('miner', 'tokeninfo', [])).error).toEqual({ code: -1, message: 'tokeninfo tokenid\n' })
    expect((await chain.rpc('miner', 'tokencreate', ['T'])).error).toEqual({ code: -1, message: 'tokencreate name supply [description][data]\n' })
    expect((await chain.rpc('miner', 'tokenlist', ['x'])).error).toEqual({ code: -1, message: 'tokenlist\n' })
  })
})
