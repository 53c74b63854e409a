/**
 * The Oracles journey through the devchain's komodod-style HTTP face: create, fund, register,
 * subscribe from the reader, two data points, samples read back newest first; komodod's parameter
 * typing, soft errors and usage texts; and the refusals (-26) of a datum the subscriptions no longer
 * cover and of a hand-built datum that keeps more than its inputs allow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChain, SCRIPT_FALSE, type ChainHttp } from '../support.ts'
import { ccAddress } from '../../../../devchain/cc/condition.ts'
import { hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { batonKey, markerAddress } from '../../../../modules/oracles/rules.ts'
import { handBuiltDatum } from '../../../support/oracleDatum.ts'
import { encodeData } from '../../../../modules/oracles/spec.ts'

const soft = (error: string) => ({ result: 'error', error })
const datum = (symbol: string, price: string) => (encodeData('sL', [symbol, price]) as { hex: string }).hex

let chain: ChainHttp
let minerPk: string
let oracle: string
let baton: string
const mine = () => chain.ok('miner', 'generate', [1])
const send = async (node: string, method: string, params: unknown[]) => {
  const built = await chain.ok(node, method, params)
  expect(built, JSON.stringify(built)).toMatchObject({ result: 'success' })
  return chain.ok(node, 'sendrawtransaction', [built.hex]) as Promise<string>
}

beforeAll(async () => {
  chain = await startChain()
  minerPk = (await chain.ok('miner', 'getinfo')).pubkey
  await chain.ok('miner', 'sendtoaddress', [await chain.ok('reader', 'getnewaddress'), 1])
  await mine()
})
afterAll(async () => {
  await chain?.close()
})

describe('parameters, as komodod reads them', () => {
  it('every argument is a JSON string; the wrong count answers the usage line', async () => {
    const r = await chain.rpc('miner', 'oraclesregister', ['00', 10000])
    expect(r.status).toBe(500)
    expect(r.error).toEqual({ code: -1, message: 'JSON value is not a string as expected' })
    expect((await chain.rpc('miner', 'oraclesdata', ['00'])).error).toEqual({ code: -1, message: 'oraclesdata oracletxid hexstr\n' })
    expect((await chain.rpc('miner', 'oracleslist', ['x'])).error).toEqual({ code: -1, message: 'oracleslist\n' })
  })

  it('oraclesaddress: komodod\'s keys, in order, for any pubkey', async () => {
    const any = '028702e30d8465d6aa85f35d2f58c06a6ee17f23f376b56044dadf7b793f2c12b9'
    const r = await chain.ok('reader', 'oraclesaddress', [any])
    expect(Object.keys(r)).toEqual([
      'result', 'OraclesCCAddress', 'OraclesCCBalance', 'OraclesNormalAddress', 'OraclesNormalBalance', 'OraclesCCTokensAddress',
      'PubkeyCCaddress(Oracles)', 'PubkeyCCbalance(Oracles)', 'myCCAddress(Oracles)', 'myCCbalance(Oracles)', 'myaddress', 'mybalance',
    ])
    expect(r['PubkeyCCaddress(Oracles)']).toBe(ccAddress(0xec, hexToBytes(any)))
    const raw = (await chain.rpc('reader', 'oraclesaddress', [])).text
    expect(raw).toMatch(/"OraclesCCBalance":\d+\.\d{8}/)
    expect(raw).not.toContain('PubkeyCCaddress')
  })
})

describe('the oracle flow', () => {
  it('oraclescreate: hex then result; oracleslist lists the oracle once mined', async () => {
    expect(await chain.ok('miner', 'oraclescreate', ['x'.repeat(33), 'd', 's'])).toEqual(soft('name.33 must be less then 32'))
    const built = await chain.ok('miner', 'oraclescreate', ['DOCSPRICE', 'A price feed made in the docs', 'sL'])
    expect(Object.keys(built)).toEqual(['hex', 'result'])
    const decoded = await chain.ok('miner', 'decoderawtransaction', [built.hex])
    expect(decoded.vout[0]).toMatchObject({ valueZat: 10_000, scriptPubKey: { type: 'pubkey', addresses: ['RHkFKzn1csxA3fWzAsxsLWohoCgBbirXb5'] } })
    // ec 'C' <name> <format> <description>: the format comes before the description.
    expect(decoded.vout.at(-1).scriptPubKey.hex).toContain('ec4309444f43535052494345' + '02734c')
    oracle = await chain.ok('miner', 'sendrawtransaction', [built.hex])
    await mine()
    expect(await chain.ok('reader', 'oracleslist')).toEqual([oracle])
  })

  it('registering needs the oraclesfund marker and a fee of at least 10000 sat', async () => {
    expect(await chain.ok('miner', 'oraclesregister', [oracle, '9999'])).toEqual(soft('datafee must be txfee or more'))
    expect(await chain.ok('miner', 'oraclesregister', [oracle, '1000000'])).toEqual(
      soft('error adding inputs from your Oracles CC address, please fund it first with oraclesfund rpc!'))
    await send('miner', 'oraclesfund', [oracle])
    await mine()
    await send('miner', 'oraclesregister', [oracle, '1000000'])
    await mine()
    baton = batonKey(chain.core.wallet('miner').pubkeyKey!.priv).address
    const info = await chain.ok('reader', 'oraclesinfo', [oracle])
    expect(Object.keys(info)).toEqual(['result', 'txid', 'name', 'description', 'format', 'marker', 'registered'])
    expect(info.marker).toBe(markerAddress(oracle))
    expect(info.registered).toHaveLength(1)
    expect(Object.keys(info.registered[0])).toEqual(['publisher', 'baton', 'batontxid', 'lifetime', 'funds', 'datafee'])
    expect(info.registered[0]).toMatchObject({ publisher: minerPk, baton, datafee: '0.01000000', funds: '0.00000000' })
  })

  it('the reader subscribes; two data points; samples newest first', async () => {
    await send('reader', 'oraclessubscribe', [oracle, minerPk, '0.1'])
    await mine()
    expect((await chain.ok('reader', 'oraclesinfo', [oracle])).registered[0].funds).toBe('0.10000000')
    expect(await chain.ok('miner', 'oraclesdata', [oracle, '03e9'])).toEqual(soft('data does not match length or content format specification'))
    const first = await send('miner', 'oraclesdata', [oracle, datum('KMD', '100000')])
    const tx = await chain.ok('miner', 'getrawtransaction', [first, 1])
    expect(tx.vout.map((v: { valueSat: number }) => v.valueSat).slice(0, 3)).toEqual([9_000_000, 10_000, 1_000_000])
    expect(tx.vout[1].scriptPubKey.addresses).toEqual([baton])
    expect(tx.vout[2].scriptPubKey.addresses).toEqual([(await chain.ok('miner', 'oraclesaddress')).myaddress])
    await mine()
    const second = await send('miner', 'oraclesdata', [oracle, datum('KMD', '110000')])
    // In the mempool it is already a sample, read before the chain's.
    expect((await chain.ok('reader', 'oraclessamples', [oracle, baton, '1'])).samples).toEqual([{ txid: second, data: ['KMD', '110000'] }])
    await mine()
    expect(await chain.ok('reader', 'oraclessamples', [oracle, baton, '0'])).toEqual({
      result: 'success', samples: [{ txid: second, data: ['KMD', '110000'] }, { txid: first, data: ['KMD', '100000'] }],
    })
    const info = (await chain.ok('reader', 'oraclesinfo', [oracle])).registered[0]
    expect(info).toMatchObject({ batontxid: second, funds: '0.08000000', lifetime: '0.00000000' })
  })

  it('soft errors of the readers carry komodod\'s texts', async () => {
    expect(await chain.ok('reader', 'oraclesinfo', ['none'])).toEqual(soft('cant find oracleid'))
    expect(await chain.ok('reader', 'oraclessamples', ['none', baton, '0'])).toEqual(soft(`cant find oracletxid ${'0'.repeat(64)}`))
    expect(await chain.ok('reader', 'oraclessample', [oracle, 'f'.repeat(64)])).toEqual(soft('cannot find data txid'))
    expect(await chain.ok('reader', 'oraclesdata', [oracle, datum('KMD', '1')])).toEqual(soft('datafee 0is illegal'))
  })
})

describe('refusals at sendrawtransaction', () => {
  it('a datum its subscriptions no longer cover is built, then refused', async () => {
    const poor = await chain.ok('miner', 'oraclescreate', ['POOR', 'fee larger than the subscription', 'C'])
    const id = await chain.ok('miner', 'sendrawtransaction', [poor.hex])
    await mine()
    await send('miner', 'oraclesfund', [id])
    await mine()
    await send('miner', 'oraclesregister', [id, '2000000'])
    await send('reader', 'oraclessubscribe', [id, minerPk, '0.01'])
    await mine()
    const built = await chain.ok('miner', 'oraclesdata', [id, '07'])
    expect(built.result).toBe('success')
    const r = await chain.rpc('miner', 'sendrawtransaction', [built.hex])
    expect(r.status).toBe(500)
    expect(r.error).toEqual({ code: -26, message: '16: bad-txns-in-belowout' })
  })

  it('a hand-built datum keeping more change than its inputs leave: -26 and OraclesValidate\'s reason', async () => {
    const hex = handBuiltDatum(chain.core, oracle, { change: (v) => v, fee: 1_000_000, normal: 5_000_000 })
    const r = await chain.rpc('miner', 'sendrawtransaction', [hex])
    expect(r.error).toEqual({ code: -26, message: SCRIPT_FALSE })
    const jobs = await chain.ok('miner', 'devchain_jobs')
    expect(jobs.rejects.at(-1)).toMatchObject({ module: 'Oracles', reason: 'mismatched inputs != outputs + datafee' })
  })
})
