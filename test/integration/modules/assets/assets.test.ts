/**
 * The Assets DEX over the devchain's HTTP face, miner and reader: an ask, the order book, a partial
 * fill with both sides' token and coin balances, a cancel of the rest; a bid filled by the miner;
 * and the transactions komodod refuses (-26), each with AssetsValidate's reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChain, SCRIPT_FALSE, type ChainHttp } from '../support.ts'
import { ccAddress } from '../../../../devchain/cc/condition.ts'
import { hexToBytes, pubkeyAddress } from '../../../../devchain/cc/hashes.ts'
import { finalizeCCTx, normalInputs, type CCInput } from '../../../../devchain/cc/cc-rpc.ts'
import { opReturnScript } from '../../../../protocol/opret.ts'
import { p2pk } from '../../../../devchain/tx/script.ts'
import type { TxOut } from '../../../../devchain/tx/transaction.ts'
import { encodeAssetsOpret, type AssetOpret } from '../../../../modules/assets/spec.ts'
import { ASSETS_PK, coinOf, script, signerFor } from '../../../../modules/assets/chain.ts'

const soft = (error: string) => ({ result: 'error', error })
const ASSETS_PK_HEX = '02adf84e0e075cf90868bd4e3d34a03420e034719649c41f371fc70d8e33aa2702'
/** MakeTokensCC1vout(EVAL_ASSETS, global pk): computed independently, see test/unit/modules/assets/test/unit/modules/assets/deriveVectors.py. */
const ASSETS_TOKENS_ADDRESS = 'RTWtxY7GTBZ3zL8jfzyWWz1fveF3KXKBF8'

let chain: ChainHttp
let minerPk: string
let readerPk: string
let tokenid: string

const tokens = async (pk: string): Promise<number> => (await chain.ok('miner', 'tokenbalance', [tokenid, pk])).balance
const coins = async (node: string): Promise<number> => Math.round((await chain.ok(node, 'getbalance')) * 1e8)
const send = async (node: string, r: { result: string; hex: string }): Promise<string> => {
  expect(r.result).toBe('success')
  return chain.ok(node, 'sendrawtransaction', [r.hex])
}
const mine = () => chain.ok('miner', 'generate', [1])

/** A transaction a hostile node builds by hand: its wallet's fee coins, the given CC inputs and outputs, an Assets opret. */
function forge(node: string, cc: { txid: string; vout: number }[], outputs: TxOut[], opret: AssetOpret, fee = 20_000): string {
  const wallet = chain.core.wallet(node)
  const key = wallet.pubkeyKey!
  const L = chain.core.ledger
  const inputs: CCInput[] = cc.map(({ txid, vout }) => {
    const coin = coinOf(L, txid, vout)!
    const s = signerFor('assets', coin, key.pub, key.priv, 0)!
    return { coin, condition: s.condition, priv: s.priv }
  })
  return finalizeCCTx({ wallet, mypk: key.pub, normal: normalInputs(wallet, fee)!, cc: inputs, outputs, opret: opReturnScript(encodeAssetsOpret(opret)) }).hex
}

/** sendrawtransaction refuses it as komodod does, and the module's reason is the last reject. */
async function refused(node: string, hex: string, reason: string | RegExp, module = 'Assets'): Promise<void> {
  const r = await chain.rpc(node, 'sendrawtransaction', [hex])
  expect(r.status).toBe(500)
  expect(r.error).toEqual({ code: -26, message: SCRIPT_FALSE })
  const { rejects } = await chain.ok('miner', 'devchain_jobs')
  expect(rejects.at(-1).module).toBe(module)
  expect(rejects.at(-1).reason).toMatch(reason)
}

beforeAll(async () => {
  chain = await startChain()
  minerPk = (await chain.ok('miner', 'getinfo')).pubkey
  readerPk = (await chain.ok('reader', 'getinfo')).pubkey
  tokenid = await send('miner', await chain.ok('miner', 'tokencreate', ['DEX', '0.001', 'Traded in the docs']))
  await mine()
  // The reader pays for its fills and bids with one coin from the miner.
  const { myaddress } = await chain.ok('reader', 'assetsaddress')
  await chain.ok('miner', 'sendtoaddress', [myaddress, 1])
  await mine()
})
afterAll(async () => {
  await chain.close()
})

describe('assetsaddress', () => {
  it('has komodod\'s keys in order, the global addresses and any pubkey\'s Assets CC address', async () => {
    const given = '03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc'
    const r = await chain.ok('miner', 'assetsaddress', [given])
    expect(Object.keys(r)).toEqual(['result', 'AssetsCCAddress', 'AssetsCCBalance', 'AssetsNormalAddress', 'AssetsNormalBalance',
      'AssetsCCTokensAddress', 'PubkeyCCaddress(Assets)', 'PubkeyCCbalance(Assets)', 'myCCAddress(Assets)', 'myCCbalance(Assets)', 'myaddress', 'mybalance'])
    expect(r).toMatchObject({
      result: 'success', AssetsCCAddress: 'RGKRjeTBw4LYFotSDLT6RWzMHbhXri6BG6', AssetsNormalAddress: 'RFYE2yL3KknWdHK6uNhvWacYsCUtwzjY3u',
      AssetsCCTokensAddress: ASSETS_TOKENS_ADDRESS,
      // Independently derived (reference §3.3 recipe in Python, deriveVectors.py).
      'PubkeyCCaddress(Assets)': 'RRPpWbVdxcxmhx4xnWnVZFDfGc9p1177ti',
      'myCCAddress(Assets)': ccAddress(0xe3, hexToBytes(minerPk)), myaddress: pubkeyAddress(hexToBytes(minerPk)),
    })
    expect((await chain.ok('miner', 'assetsaddress', ['028702e30d8465d6aa85f35d2f58c06a6ee17f23f376b56044dadf7b793f2c12b9']))['PubkeyCCaddress(Assets)'])
      .toBe('RG6mr23tQ9nUhmi5GEnYqjfkqZt9x2MRXz')
    const noPubkey = await chain.ok('reader', 'assetsaddress')
    expect(Object.keys(noPubkey)).not.toContain('PubkeyCCaddress(Assets)')
    expect((await chain.rpc('miner', 'assetsaddress', ['a', 'b'])).error).toEqual({ code: -1, message: 'assetsaddress [pubkey]\n' })
  })
})

describe('parameters and soft errors, as rpcwallet.cpp answers them', () => {
  it('every argument is a JSON string; wrong counts answer the usage text', async () => {
    expect((await chain.rpc('miner', 'tokenask', [500, tokenid, '0.0001'])).error).toEqual({ code: -1, message: 'JSON value is not a string as expected' })
    expect((await chain.rpc('miner', 'tokenbid', ['1'])).error).toEqual({ code: -1, message: 'tokenbid numtokens tokenid price\n' })
    expect((await chain.rpc('miner', 'tokenfillask', [])).error).toEqual({ code: -1, message: 'tokenfillask tokenid asktxid fillunits\n' })
    expect((await chain.rpc('miner', 'tokenorders', ['zz'])).error).toEqual({ code: -1, message: 'incorrect tokenid\n' })
  })

  it('soft errors with komodod\'s texts and shapes', async () => {
    expect(await chain.ok('miner', 'tokenask', ['0', tokenid, '0.0001'])).toEqual(soft('invalid parameter'))
    expect(await chain.ok('miner', 'tokenask', ['10', tokenid, 'abc'])).toEqual(soft('invalid parameter'))
    expect(await chain.ok('miner', 'tokenask', ['999999999', tokenid, '0.0001'])).toEqual(soft('couldnt create ask'))
    expect(await chain.ok('reader', 'tokenask', ['10', tokenid, '0.0001'])).toEqual(soft('couldnt create ask'))
    expect(await chain.ok('miner', 'tokenbid', ['10', tokenid, '0'])).toEqual(soft('price must be positive'))
    expect(await chain.ok('miner', 'tokenbid', ['10', 'nope', '1'])).toEqual(soft('invalid tokenid'))
    expect(await chain.ok('miner', 'tokenbid', ['0', tokenid, '1'])).toEqual(soft('bid amount must be positive'))
    expect(await chain.ok('miner', 'tokenbid', ['10', '11'.repeat(32), '1'])).toEqual(soft('couldnt create bid'))
    expect(await chain.ok('miner', 'tokenfillask', [tokenid, '11'.repeat(32), '0'])).toEqual(soft('fillunits must be positive'))
    // No "result" key: rpcwallet.cpp pushes only "error" here.
    expect(await chain.ok('miner', 'tokenfillask', [tokenid, 'x', '5'])).toEqual({ error: 'invalid parameter' })
    expect(await chain.ok('miner', 'tokencancelask', ['0'.repeat(64), tokenid])).toEqual({ error: 'invalid parameter' })
    expect(await chain.ok('miner', 'tokencancelbid', [tokenid, ''])).toEqual({ error: 'invalid parameter' })
    expect(await chain.ok('miner', 'tokenfillbid', [tokenid, '', '5'])).toEqual(soft('must provide tokenid and bidtxid'))
    expect(await chain.ok('miner', 'tokenfillbid', [tokenid, tokenid, '-5'])).toEqual(soft('fillamount must be positive'))
    // FillBuyOffer returns its error text in place of the hex, and tokenfillbid calls that a success.
    expect(await chain.ok('miner', 'tokenfillbid', [tokenid, '11'.repeat(32), '5'])).toEqual({ result: 'success', hex: 'no normal coins left' })
    expect(await chain.ok('miner', 'tokencancelask', [tokenid, '11'.repeat(32)])).toEqual(soft('couldnt cancel ask'))
  })
})

describe('trade a token on-chain', () => {
  let ask: string
  let fill: string

  it('tokenask locks the units under the Assets global key, with a marker for the owner', async () => {
    const r = await chain.ok('miner', 'tokenask', ['1000', tokenid, '0.0001'])
    const d = await chain.ok('miner', 'decoderawtransaction', [r.hex])
    expect(d.vout[0]).toMatchObject({ valueZat: 1000, scriptPubKey: { type: 'cryptocondition', addresses: [ASSETS_TOKENS_ADDRESS] } })
    expect(d.vout[1]).toMatchObject({ valueZat: 10_000, scriptPubKey: { addresses: [ccAddress(0xe3, hexToBytes(minerPk))] } })
    expect(d.vout[2]).toMatchObject({ valueZat: 99_000, scriptPubKey: { addresses: [ccAddress(0xf2, hexToBytes(minerPk))] } })
    // f2 't' tokenid, one vout pubkey (the Assets key), blob 0x12: e3 's' <0.1 coin, int64 LE> <owner>.
    expect(d.vout.at(-1).scriptPubKey.hex).toContain(`f274${tokenid}0121${ASSETS_PK_HEX}122ce3738096980000000000` + `21${minerPk}`)
    ask = await send('miner', r)
    await mine()
    expect(await tokens(minerPk)).toBe(99_000)
  })

  it('tokenorders shows the ask as komodod prints it: amounts as strings, price per unit', async () => {
    const order = {
      funcid: 's', txid: ask, vout: 0, amount: '1000', askamount: '1000',
      origaddress: ccAddress(0xe3, hexToBytes(minerPk)), origtokenaddress: ccAddress(0xf2, hexToBytes(minerPk)),
      tokenid, totalrequired: '0.10000000', price: '0.00010000',
    }
    const book = await chain.ok('reader', 'tokenorders', [tokenid])
    expect(book).toEqual([order])
    expect(Object.keys(book[0])).toEqual(Object.keys(order))
    expect(await chain.ok('reader', 'tokenorders')).toEqual([order])
    expect(await chain.ok('miner', 'mytokenorders')).toEqual([order])
    expect(await chain.ok('reader', 'mytokenorders')).toEqual([])
    expect(await chain.ok('reader', 'tokenorders', ['22'.repeat(32)])).toEqual([])
  })

  it('the reader fills 400 units: tokens move one way, coins the other', async () => {
    const before = { readerCoins: await coins('reader'), readerTokens: await tokens(readerPk) }
    const r = await chain.ok('reader', 'tokenfillask', [tokenid, ask, '400'])
    const d = await chain.ok('reader', 'decoderawtransaction', [r.hex])
    expect(d.vout.slice(0, 4).map((v: { valueZat: number; scriptPubKey: { addresses: string[] } }) => [v.valueZat, v.scriptPubKey.addresses[0]])).toEqual([
      [600, ASSETS_TOKENS_ADDRESS], [400, ccAddress(0xf2, hexToBytes(readerPk))], [4_000_000, pubkeyAddress(hexToBytes(minerPk))], [10_000, ccAddress(0xe3, hexToBytes(minerPk))],
    ])
    fill = await send('reader', r)
    await mine()
    expect(await tokens(readerPk)).toBe(before.readerTokens + 400)
    expect(await tokens(minerPk)).toBe(99_000)
    // 0.04 to the miner, 0.0001 marker, 0.0001 fee.
    expect(await coins('reader')).toBe(before.readerCoins - 4_020_000)
    const paid = await chain.ok('miner', 'getaddressutxos', [{ addresses: [pubkeyAddress(hexToBytes(minerPk))] }])
    expect(paid).toContainEqual(expect.objectContaining({ txid: fill, outputIndex: 2, satoshis: 4_000_000 }))
    expect(await chain.ok('reader', 'tokenorders', [tokenid])).toEqual([expect.objectContaining({
      funcid: 'S', txid: fill, vout: 0, amount: '600', askamount: '600', totalrequired: '0.06000000', price: '0.00010000',
    })])
  })

  it('only the owner can cancel: the reader\'s builder has no key for the marker', async () => {
    expect(await chain.ok('reader', 'tokencancelask', [tokenid, fill])).toEqual(soft('couldnt cancel ask'))
    // A hand-made cancel that leaves the marker and takes the tokens is refused.
    const hex = forge('reader', [{ txid: fill, vout: 0 }], [{ value: 600, script: script.heldTokens(0, hexToBytes(readerPk)) }],
      { tokenid, voutPubkeys: [hexToBytes(readerPk)], funcid: 'x', price: 0, origpubkey: new Uint8Array(0) })
    await refused('reader', hex, 'invalid vout for cancel')
  })

  it('the miner cancels the rest and gets its 600 units back', async () => {
    const r = await chain.ok('miner', 'tokencancelask', [tokenid, fill])
    const d = await chain.ok('miner', 'decoderawtransaction', [r.hex])
    expect(d.vin.map((v: { txid: string; vout: number }) => `${v.txid}:${v.vout}`).slice(1, 3)).toEqual([`${fill}:0`, `${fill}:3`])
    await send('miner', r)
    await mine()
    expect(await tokens(minerPk)).toBe(99_600)
    expect(await chain.ok('reader', 'tokenorders', [tokenid])).toEqual([])
  })
})

describe('a bid the miner fills', () => {
  let bid: string

  it('tokenbid locks the coins; tokenorders prints a bid', async () => {
    const r = await chain.ok('reader', 'tokenbid', ['100', tokenid, '0.0002'])
    const d = await chain.ok('reader', 'decoderawtransaction', [r.hex])
    expect(d.vout[0]).toMatchObject({ valueZat: 2_000_000, scriptPubKey: { addresses: ['RGKRjeTBw4LYFotSDLT6RWzMHbhXri6BG6'] } })
    // No vout pubkeys; blob e3 'b' <100 units, int64 LE> <owner>.
    expect(d.vout.at(-1).scriptPubKey.hex).toContain(`f274${tokenid}00122ce3626400000000000000` + `21${readerPk}`)
    bid = await send('reader', r)
    await mine()
    expect(await chain.ok('miner', 'tokenorders', [tokenid])).toEqual([{
      funcid: 'b', txid: bid, vout: 0, amount: '0.02000000', bidamount: '0.02000000',
      origaddress: ccAddress(0xe3, hexToBytes(readerPk)), origtokenaddress: ccAddress(0xf2, hexToBytes(readerPk)),
      tokenid, totalrequired: 100, price: '0.00020000',
    }])
  })

  it('refuses fills that break the bid: taking more coins than it locks, selling below its price', async () => {
    const reader = hexToBytes(readerPk)
    const miner = hexToBytes(minerPk)
    const opret = (remaining: number): AssetOpret => ({ tokenid, voutPubkeys: [reader], funcid: 'B', price: remaining, origpubkey: reader })
    // Takes 0.03 from a 0.02 bid.
    const tooMuch = forge('miner', [{ txid: bid, vout: 0 }], [
      { value: 0, script: script.assets(ASSETS_PK) }, { value: 3_000_000, script: p2pk(miner) },
    ], opret(100), 4_000_000)
    await refused('miner', tooMuch, 'locked value doesnt match vout0+1 fillbuy')
    // 600 units for 0.0001 coin: below the bid's 0.0002 a unit (with no token change, komodod checks the price).
    const units = [...chain.core.ledger.ccUtxos.get(ccAddress(0xf2, miner))!.values()].find((c) => c.value === 600)!
    const cheap = forge('miner', [{ txid: bid, vout: 0 }, { txid: units.txid, vout: units.vout }], [
      { value: 1_990_000, script: script.assets(ASSETS_PK) }, { value: 10_000, script: p2pk(miner) },
      { value: 600, script: script.heldTokens(0, reader) }, { value: 10_000, script: script.assets(reader) },
    ], opret(100 - 600), 100_000)
    await refused('miner', cheap, 'mismatched remainder for fillbuy')
  })

  it('the miner fills 60 units, then the rest; the reader\'s coins pay for them', async () => {
    const minerBefore = await tokens(minerPk)
    const r = await chain.ok('miner', 'tokenfillbid', [tokenid, bid, '60'])
    const d = await chain.ok('miner', 'decoderawtransaction', [r.hex])
    expect(d.vout.slice(0, 4).map((v: { valueZat: number }) => v.valueZat)).toEqual([800_000, 1_200_000, 60, 10_000])
    // Change from the first of the miner's token coins (99,000 and 600) that covers 60 units.
    expect([99_000 - 60, 600 - 60]).toContain(d.vout[4].valueZat)
    const part = await send('miner', r)
    await mine()
    expect(await tokens(readerPk)).toBe(460)
    expect(await chain.ok('miner', 'tokenorders', [tokenid])).toEqual([expect.objectContaining({ funcid: 'B', txid: part, amount: '0.00800000', bidamount: '0.00800000', totalrequired: 40, price: '0.00020000' })])
    // Asking for more than is wanted fills what is wanted.
    const rest = await chain.ok('miner', 'tokenfillbid', [tokenid, part, '500'])
    await send('miner', rest)
    await mine()
    expect(await tokens(readerPk)).toBe(500)
    expect(await tokens(minerPk)).toBe(minerBefore - 100)
    expect(await chain.ok('miner', 'tokenorders', [tokenid])).toEqual([])
  })

  it('a bid cancelled by someone else is refused; the bidder gets the coins back', async () => {
    const r = await chain.ok('reader', 'tokenbid', ['10', tokenid, '0.001'])
    const b = await send('reader', r)
    await mine()
    const theirs = await chain.ok('miner', 'tokencancelbid', [tokenid, b])
    await refused('miner', theirs.hex, 'invalid refund for cancelbuy')
    const before = await coins('reader')
    const mine2 = await chain.ok('reader', 'tokencancelbid', [tokenid, b])
    const d = await chain.ok('reader', 'decoderawtransaction', [mine2.hex])
    expect(d.vout[0]).toMatchObject({ valueZat: 1_000_000, scriptPubKey: { addresses: [pubkeyAddress(hexToBytes(readerPk))] } })
    await send('reader', mine2)
    await mine()
    // 0.01 back and the 0.0001 of vout1, less the fee (one fee, or the whole fee coin when it leaves no change).
    expect(await coins('reader') - before).toBeGreaterThanOrEqual(990_000)
    expect(await coins('reader') - before).toBeLessThanOrEqual(1_000_000)
  })
})

describe('fills komodod refuses', () => {
  let ask: string
  beforeAll(async () => {
    ask = await send('miner', await chain.ok('miner', 'tokenask', ['1000', tokenid, '0.0001']))
    await mine()
  })
  const reader = () => hexToBytes(readerPk)
  const miner = () => hexToBytes(minerPk)
  const fillOpret = (remaining: number): AssetOpret => ({ tokenid, voutPubkeys: [reader()], funcid: 'S', price: remaining, origpubkey: miner() })

  it('underpaying: 400 units for 0.03999999', async () => {
    const hex = forge('reader', [{ txid: ask, vout: 0 }], [
      { value: 600, script: script.askTokens(0, ASSETS_PK) }, { value: 400, script: script.heldTokens(0, reader()) },
      { value: 3_999_999, script: p2pk(miner()) }, { value: 10_000, script: script.assets(miner()) },
    ], fillOpret(6_000_001), 4_100_000)
    await refused('reader', hex, 'mismatched remainder for fillask')
  })

  it('taking more units than paid for', async () => {
    const hex = forge('reader', [{ txid: ask, vout: 0 }], [
      { value: 500, script: script.askTokens(0, ASSETS_PK) }, { value: 500, script: script.heldTokens(0, reader()) },
      { value: 4_000_000, script: p2pk(miner()) }, { value: 10_000, script: script.assets(miner()) },
    ], fillOpret(6_000_000), 4_100_000)
    await refused('reader', hex, 'mismatched remainder for fillask')
  })

  it('minting units: the outputs hold more tokens than the ask locked', async () => {
    const hex = forge('reader', [{ txid: ask, vout: 0 }], [
      { value: 600, script: script.askTokens(0, ASSETS_PK) }, { value: 500, script: script.heldTokens(0, reader()) },
      { value: 5_000_000, script: p2pk(miner()) }, { value: 10_000, script: script.assets(miner()) },
    ], fillOpret(5_000_000), 5_100_000)
    // Tokens refuses it too (conservation); the registry runs Assets first.
    await refused('reader', hex, 'locked value doesnt match vout0+1 fillask')
  })

  it('paying the seller\'s coins to someone else', async () => {
    const hex = forge('reader', [{ txid: ask, vout: 0 }], [
      { value: 600, script: script.askTokens(0, ASSETS_PK) }, { value: 400, script: script.heldTokens(0, reader()) },
      { value: 4_000_000, script: p2pk(reader()) }, { value: 10_000, script: script.assets(miner()) },
    ], fillOpret(6_000_000), 4_100_000)
    await refused('reader', hex, 'normal vout1 for fillask')
  })

  it('an honest fill of the same ask still goes through', async () => {
    const before = await tokens(readerPk)
    await send('reader', await chain.ok('reader', 'tokenfillask', [tokenid, ask, '1000']))
    await mine()
    expect(await tokens(readerPk)).toBe(before + 1000)
    expect(await chain.ok('reader', 'tokenorders', [tokenid])).toEqual([])
  })
})
