/**
 * The Oracles flow in-process, on a devchain with the module loaded: create → fund → register →
 * subscribe → data → samples, komodod's soft errors, and OraclesValidate refusing transactions
 * that are signed correctly but break one rule each. oraclesaddress is checked against CC
 * addresses derived here, independently, from reference §3.3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { h, refCCAddress } from '../../../support/refCCAddress.ts'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'
import { recentRejects } from '../../../../devchain/cc/rejects.ts'
import { finalizeCCTx } from '../../../../devchain/cc/cc-rpc.ts'
import { makeCCcond1, ccScript } from '../../../../devchain/cc/condition.ts'
import { opReturnScript } from '../../../../protocol/opret.ts'
import { p2pk } from '../../../../devchain/tx/script.ts'
import { parseTx } from '../../../../devchain/tx/transaction.ts'
import { hashToHex } from '../../../../devchain/crypto/hash.ts'
import { hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { batonKey, markerAddress } from '../../../../modules/oracles/rules.ts'
import { encodeOracleOpret, FUNCID } from '../../../../modules/oracles/spec/opret.ts'
import { encodeData } from '../../../../modules/oracles/spec.ts'
import { handBuiltDatum } from '../../../support/oracleDatum.ts'

const SCRIPT_FALSE = '16: mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
const ZERO = '0'.repeat(64)

let dc: DevchainCore
const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>
const send = async (node: string, built: { hex?: string; result: string; error?: string }) => {
  expect(built, built.error).toMatchObject({ result: 'success' })
  return call(node, 'sendrawtransaction', [built.hex]) as Promise<string>
}
const mine = () => call('miner', 'generate', [1])
let minerPk: string
let oracle: string
let baton: string
let registerTxid: string

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'oracles-rules' })
  minerPk = dc.wallet('miner').pubkey!
  const readerAddress = await call('reader', 'getnewaddress')
  await call('miner', 'sendtoaddress', [readerAddress, 1])
  await mine()
})
afterAll(async () => {
  await dc?.close()
})

describe('oraclesaddress', () => {
  it('the global vector of reference §3.3', () => {
    expect(refCCAddress(0xec, h('038c1d42db6a45a57eccb8981b078fb7857b9b496293fe299d2b8d120ac5b5691a'))).toBe('REt2C4ZMnX8YYX1DRpffNA4hECZTFm39e3')
  })
  it('any pubkey, in komodod\'s key names and order', async () => {
    const any = '03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc'
    const r = await call('reader', 'oraclesaddress', [any])
    expect(Object.keys(r)).toEqual([
      'result', 'OraclesCCAddress', 'OraclesCCBalance', 'OraclesNormalAddress', 'OraclesNormalBalance', 'OraclesCCTokensAddress',
      'PubkeyCCaddress(Oracles)', 'PubkeyCCbalance(Oracles)', 'myCCAddress(Oracles)', 'myCCbalance(Oracles)', 'myaddress', 'mybalance',
    ])
    expect(r.OraclesCCAddress).toBe('REt2C4ZMnX8YYX1DRpffNA4hECZTFm39e3')
    expect(r.OraclesNormalAddress).toBe('RHkFKzn1csxA3fWzAsxsLWohoCgBbirXb5')
    expect(r['PubkeyCCaddress(Oracles)']).toBe(refCCAddress(0xec, h(any)))
    expect(r['myCCAddress(Oracles)']).toBe(refCCAddress(0xec, h(dc.wallet('reader').pubkey!)))
  })
  it('komodod\'s usage and type errors', async () => {
    await expect(call('miner', 'oraclesaddress', ['a', 'b'])).rejects.toMatchObject({ code: -1, message: 'oraclesaddress [pubkey]\n' })
    await expect(call('miner', 'oraclescreate', ['a', 'b', 1])).rejects.toMatchObject({ code: -1, message: 'JSON value is not a string as expected' })
    await expect(call('miner', 'oraclessamples', ['a', 'b'])).rejects.toMatchObject({ code: -1, message: 'oraclessamples oracletxid batonaddress num\n' })
  })
})

describe('the flow', () => {
  it('creates an oracle; oracleslist lists it once mined', async () => {
    expect(await call('miner', 'oraclescreate', ['Test', 'Test', 'Test'])).toEqual({ result: 'error', error: 'invalid format type' })
    const built = await call('miner', 'oraclescreate', ['DOCSPRICE', 'A price feed made in the docs', 'sL'])
    expect(Object.keys(built)).toEqual(['hex', 'result'])
    oracle = await send('miner', built)
    expect(await call('miner', 'oracleslist')).toEqual([])
    await mine()
    expect(await call('miner', 'oracleslist')).toEqual([oracle])
    expect(await call('miner', 'oraclesinfo', [oracle])).toEqual({
      result: 'success', txid: oracle, name: 'DOCSPRICE', description: 'A price feed made in the docs', format: 'sL',
      marker: markerAddress(oracle), registered: [],
    })
  })

  it('refuses to register before oraclesfund, or with a fee under 10000 sat', async () => {
    expect(await call('miner', 'oraclesregister', [oracle, '500'])).toEqual({ result: 'error', error: 'datafee must be txfee or more' })
    expect(await call('miner', 'oraclesregister', [oracle, '0'])).toEqual({ result: 'error', error: 'datafee must be txfee or more' })
    expect(await call('miner', 'oraclesregister', [oracle, '-100'])).toEqual({ result: 'error', error: 'datafee must be txfee or more' })
    expect(await call('miner', 'oraclesregister', [oracle, '10000'])).toEqual({
      result: 'error', error: 'error adding inputs from your Oracles CC address, please fund it first with oraclesfund rpc!',
    })
    expect(await call('miner', 'oraclesregister', ['f'.repeat(64), '10000'])).toEqual({ result: 'error', error: `cant find oracletxid ${'f'.repeat(64)}` })
    expect(await call('miner', 'oraclesfund', ['nope'])).toEqual({ result: 'error', error: `cant find oracletxid ${ZERO}` })
  })

  it('funds and registers the miner with a 0.01 data fee', async () => {
    await send('miner', await call('miner', 'oraclesfund', [oracle]))
    await mine()
    registerTxid = await send('miner', await call('miner', 'oraclesregister', [oracle, '1000000']))
    const tx = parseTx(hexToBytes(await call('miner', 'getrawtransaction', [registerTxid])))
    expect(tx.vout[0].value).toBe(10_000)
    expect(tx.vout[1].value).toBe(10_000)
    expect(tx.vout[2].value).toBe(10_000)
    await mine()
    baton = batonKey(dc.wallet('miner').pubkeyKey!.priv).address
    const info = await call('reader', 'oraclesinfo', [oracle])
    expect(info.registered).toEqual([{
      publisher: minerPk, baton, batontxid: registerTxid, lifetime: '0.00000000', funds: '0.00000000', datafee: '0.01000000',
    }])
  })

  it('publishing needs subscriptions: the data fee is paid out of them', async () => {
    const datum = (encodeData('sL', ['KMD', '100000']) as { hex: string }).hex
    expect(await call('miner', 'oraclesdata', [oracle, datum])).toEqual({
      result: 'error', error: `couldnt find enough oracle inputs ${(await call('miner', 'oraclesaddress'))['myCCAddress(Oracles)']}, limit 1 per utxo`,
    })
    expect(await call('miner', 'oraclesdata', [oracle, '0541'])).toEqual({ result: 'error', error: 'data does not match length or content format specification' })
    expect(await call('reader', 'oraclesdata', [oracle, datum])).toEqual({ result: 'error', error: 'datafee 0is illegal' })
  })

  it('the reader subscribes; each datum pays the fee and passes the baton', async () => {
    await send('reader', await call('reader', 'oraclessubscribe', [oracle, minerPk, '0.015']))
    await mine()
    expect((await call('reader', 'oraclesinfo', [oracle])).registered[0].funds).toBe('0.01500000')
    const first = await send('miner', await call('miner', 'oraclesdata', [oracle, (encodeData('sL', ['KMD', '100000']) as { hex: string }).hex]))
    const tx = parseTx(hexToBytes(await call('miner', 'getrawtransaction', [first])))
    expect(hashToHex(tx.vin[1].prevHash)).toBe(registerTxid)
    expect(tx.vout[0].value).toBe(500_000)
    expect(tx.vout[2].value).toBe(1_000_000)
    expect(await call('reader', 'oraclessamples', [oracle, baton, '0'])).toEqual({ result: 'success', samples: [{ txid: first, data: ['KMD', '100000'] }] })
    await mine()
    const info = (await call('reader', 'oraclesinfo', [oracle])).registered[0]
    expect(info.batontxid).toBe(first)
    expect(info.funds).toBe('0.00500000')
    // What is left (0.005) is less than the fee: komodod still signs the datum; the mempool refuses it.
    const short = await call('miner', 'oraclesdata', [oracle, (encodeData('sL', ['KMD', '105000']) as { hex: string }).hex])
    expect(short, JSON.stringify(short)).toHaveProperty('hex')
    await expect(call('miner', 'sendrawtransaction', [short.hex])).rejects.toMatchObject({ code: -26, message: '16: bad-txns-in-belowout' })
    await send('reader', await call('reader', 'oraclessubscribe', [oracle, minerPk, '0.1']))
    await mine()
    const second = await send('miner', await call('miner', 'oraclesdata', [oracle, (encodeData('sL', ['KMD', '110000']) as { hex: string }).hex]))
    await mine()
    const samples = await call('reader', 'oraclessamples', [oracle, baton, '0'])
    expect(samples).toEqual({ result: 'success', samples: [{ txid: second, data: ['KMD', '110000'] }, { txid: first, data: ['KMD', '100000'] }] })
    expect((await call('reader', 'oraclessamples', [oracle, baton, '1'])).samples).toHaveLength(1)
    expect(await call('reader', 'oraclessample', [oracle, first])).toEqual({ result: 'success', txid: first, data: ['KMD', '100000'] })
    expect(await call('reader', 'oraclessample', [oracle, oracle])).toEqual({ result: 'error', error: 'invalid data tx' })
  })

  it('soft errors of the readers', async () => {
    expect(await call('reader', 'oraclesinfo', ['none'])).toEqual({ result: 'error', error: 'cant find oracleid' })
    expect(await call('reader', 'oraclessamples', ['f'.repeat(64), baton, '0'])).toEqual({ result: 'error', error: `cant find oracletxid ${ZERO}` })
    expect(await call('reader', 'oraclessample', ['f'.repeat(64), oracle])).toEqual({ result: 'error', error: 'cannot find oracles txid' })
  })
})

describe('OraclesValidate', () => {
  const minerKey = () => dc.wallet('miner').pubkeyKey!
  const expectRefused = async (hex: string, reason: string) => {
    await expect(call('miner', 'sendrawtransaction', [hex])).rejects.toMatchObject({ code: -26, message: SCRIPT_FALSE })
    expect(recentRejects().at(-1)).toMatchObject({ module: 'Oracles', reason })
  }
  const batonCoin = () => {
    const info = dc.ledger.ccUtxos.get(baton)!
    return [...info.values()][0]
  }

  it('a baton spent outside a datum', async () => {
    const k = minerKey()
    const b = batonKey(k.priv)
    const normal = dc.wallet('miner').selectCoins(20_000)!
    const opret = encodeOracleOpret({ funcid: FUNCID.subscribe, oracletxid: oracle, pubkey: k.pubHex, num: 0n })
    const { hex } = finalizeCCTx({
      wallet: dc.wallet('miner'), mypk: k.pub, normal, cc: [{ coin: batonCoin(), condition: makeCCcond1(0xec, b.pub), priv: b.priv }],
      outputs: [], opret: opReturnScript(opret),
    })
    await expectRefused(hex, 'unexpected OraclesValidate for subscribe')
  })

  it('a datum paying itself more than its registered fee', async () => {
    await expectRefused(handBuiltDatum(dc, oracle, { change: (v) => v - 2_000_000, fee: 2_000_000 }), 'mismatched datafee')
  })

  it('a datum that keeps more change than its inputs leave after the fee', async () => {
    await expectRefused(handBuiltDatum(dc, oracle, { change: (v) => v, fee: 1_000_000, normal: 5_000_000 }), 'mismatched inputs != outputs + datafee')
  })

  it('a datum that moves the baton elsewhere', async () => {
    await expectRefused(handBuiltDatum(dc, oracle, { change: (v) => v - 1_000_000, fee: 1_000_000, batonToPublisher: true }), 'baton violation')
  })

  it('a registration whose vout.2 does not pay the funder', async () => {
    await send('reader', await call('reader', 'oraclesfund', [oracle]))
    await mine()
    const r = dc.wallet('reader').pubkeyKey!
    const fund = [...dc.ledger.ccUtxos.get((await call('reader', 'oraclesaddress'))['myCCAddress(Oracles)'])!.values()].find((c) => c.value === 10_000)!
    const normal = dc.wallet('reader').selectCoins(30_000)!
    const { hex } = finalizeCCTx({
      wallet: dc.wallet('reader'), mypk: r.pub, normal, cc: [{ coin: fund, condition: makeCCcond1(0xec, r.pub), priv: r.priv }],
      outputs: [
        { value: 10_000, script: p2pk(hexToBytes('02' + [...hexToBytes(oracle)].reverse().map((x) => x.toString(16).padStart(2, '0')).join(''))) },
        { value: 10_000, script: ccScript(makeCCcond1(0xec, batonKey(r.priv).pub)) },
        { value: 10_000, script: p2pk(hexToBytes(minerPk)) },
      ],
      opret: opReturnScript(encodeOracleOpret({ funcid: FUNCID.register, oracletxid: oracle, pubkey: r.pubHex, num: 10_000n })),
    })
    await expectRefused(hex, 'pubkey in OP_RETURN and in vout.2 not matching, register must be done from owner of pubkey that registers to oracle!')
    // The same registration, built by oraclesregister, passes.
    await send('reader', await call('reader', 'oraclesregister', [oracle, '20000']))
  })
})
