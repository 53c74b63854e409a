/**
 * The Faucet journey through the devchain's HTTP face: fund from the miner, claim on the reader
 * (txid proof-of-work), the fresh-address rule, and komodod's errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChain, SCRIPT_FALSE, type ChainHttp } from '../support.ts'
import { ccAddress } from '../../../../devchain/cc/condition.ts'
import { hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { komodoFixtures } from '../../../support/fixtures.ts'

const fixtures = komodoFixtures
const fixture = (id: string) => fixtures.responses.find((r: { id: string }) => r.id === id)

let chain: ChainHttp
beforeAll(async () => {
  chain = await startChain()
})
afterAll(async () => {
  await chain.close()
})

describe('faucetaddress', () => {
  it('has komodod\'s keys in order, and the recorded global addresses (F16)', async () => {
    const f = fixture('faucetaddress-pubkey')
    const r = await chain.ok('miner', 'faucetaddress', f.request.params)
    expect(Object.keys(r)).toEqual(Object.keys(f.result))
    for (const k of ['result', 'FaucetCCAddress', 'FaucetNormalAddress']) expect(r[k]).toBe(f.result[k])
    expect(r['PubkeyCCaddress(Faucet)']).toBe(ccAddress(0xe4, hexToBytes(f.request.params[0])))
    const info = await chain.ok('miner', 'getinfo')
    expect(r['myCCAddress(Faucet)']).toBe(ccAddress(0xe4, hexToBytes(info.pubkey)))
  })

  it('omits the Pubkey… keys without a parameter; balances print with 8 decimals', async () => {
    const r = await chain.rpc('miner', 'faucetaddress', [])
    expect(Object.keys(r.result)).not.toContain('PubkeyCCaddress(Faucet)')
    expect(r.text).toContain('"FaucetCCBalance":0.00000000')
  })
})

describe('decoding komodod\'s faucetfund transaction', () => {
  it('vout0 decodes to the recorded CC output (F19), text and all', async () => {
    const f = fixture('faucetfund-decoded-vout0')
    const r = await chain.rpc('miner', 'decoderawtransaction', f.request.params)
    expect(r.result.vout[0]).toEqual(f.result_vout0)
    expect(r.text).toContain('"value":100.00000000,"valueZat":10000000000,"n":0,"scriptPubKey":{"asm":"a22c8020e029c5')
  })
})

describe('the faucet flow', () => {
  let fundTxid: string

  it('faucetfund builds an unbroadcast funding tx whose CC output decodes as komodod\'s (F19)', async () => {
    const r = await chain.rpc('miner', 'faucetfund', ['10'])
    expect(Object.keys(r.result)).toEqual(['hex', 'result'])
    expect(r.result.result).toBe('success')
    const decoded = await chain.ok('miner', 'decoderawtransaction', [r.result.hex])
    const recorded = fixture('faucetfund-decoded-vout0').result_vout0
    expect(Object.keys(decoded.vout[0])).toEqual(Object.keys(recorded))
    expect(decoded.vout[0].scriptPubKey).toEqual(recorded.scriptPubKey)
    expect(decoded.vout[0].valueZat).toBe(1_000_000_000)
    expect(await chain.ok('miner', 'getrawmempool')).toEqual([])
    fundTxid = await chain.ok('miner', 'sendrawtransaction', [r.result.hex])
    expect(fundTxid).toBe(decoded.txid)
  })

  it('a claim against unconfirmed funding is a soft error', async () => {
    const r = await chain.rpc('reader', 'faucetget', [])
    expect(r.status).toBe(200)
    expect(r.result).toEqual({ result: 'error', error: 'couldnt create faucet get transaction' })
    expect((await chain.ok('miner', 'faucetinfo')).funding).toBe('0.00000000')
  })

  it('once mined, faucetinfo shows the funding as a string', async () => {
    await chain.ok('miner', 'generate', [1])
    const info = await chain.rpc('miner', 'faucetinfo', [])
    expect(info.result).toEqual({ result: 'success', name: 'Faucet', funding: '10.00000000' })
    expect(info.text).toContain('"funding":"10.00000000"')
  })

  it('the reader claims 0.1 with a txid that starts and ends with 00', { timeout: 180_000 }, async () => {
    const r = await chain.ok('reader', 'faucetget', [])
    expect(r.result).toBe('success')
    const decoded = await chain.ok('reader', 'decoderawtransaction', [r.hex])
    expect(decoded.txid).toMatch(/^00[0-9a-f]{60}00$/)
    const readerPk = (await chain.ok('reader', 'getinfo')).pubkey
    const payout = decoded.vout.find((v: any) => v.scriptPubKey.type === 'pubkey')
    expect(payout.valueZat).toBe(10_000_000)
    expect(payout.scriptPubKey.hex).toBe(`21${readerPk}ac`)
    const opret = decoded.vout[decoded.vout.length - 1].scriptPubKey
    expect(opret.type).toBe('nulldata')
    expect(opret.hex).toMatch(/^6a06e447[0-9a-f]{8}$/)
    expect(decoded.vin.every((v: any) => v.scriptSig.hex.startsWith('4c79a276a072a26ba067a565802103682b255c'))).toBe(true)
    // The same claim with one signature byte flipped fails the fulfillment check.
    const tampered = hexToBytes(r.hex)
    tampered[100] ^= 0x01
    const bad = await chain.rpc('reader', 'sendrawtransaction', [Buffer.from(tampered).toString('hex')])
    expect([bad.status, bad.error]).toEqual([500, { code: -26, message: SCRIPT_FALSE }])
    const txid = await chain.ok('reader', 'sendrawtransaction', [r.hex])
    expect(txid).toBe(decoded.txid)
    await chain.ok('miner', 'generate', [1])
    const bal = await chain.rpc('reader', 'getbalance', [])
    expect(bal.text).toContain('"result":0.10000000')
    expect((await chain.ok('miner', 'faucetinfo')).funding).toBe('9.89990000')
  })

  it('a second claim by the same reader after 4 more blocks is refused', { timeout: 180_000 }, async () => {
    await chain.ok('miner', 'generate', [4])
    const again = await chain.ok('reader', 'faucetget', [])
    expect(again.result).toBe('success')
    const r = await chain.rpc('reader', 'sendrawtransaction', [again.hex])
    expect(r.status).toBe(500)
    expect(r.error).toEqual({ code: -26, message: SCRIPT_FALSE })
    const { rejects } = await chain.ok('miner', 'devchain_jobs')
    expect(rejects[rejects.length - 1]).toMatchObject({ module: 'Faucet', reason: 'faucet is only for brand new addresses' })
  })

  it('devchain_resetidentity gives the reader a fresh key that may claim again', { timeout: 180_000 }, async () => {
    const before = (await chain.ok('reader', 'getinfo')).pubkey
    const id = await chain.ok('miner', 'devchain_resetidentity', ['reader'])
    expect(Object.keys(id)).toEqual(['node', 'address', 'pubkey'])
    expect(id.pubkey).not.toBe(before)
    expect((await chain.ok('reader', 'getinfo')).pubkey).toBe(id.pubkey)
    const claim = await chain.ok('reader', 'faucetget', [])
    expect(await chain.ok('reader', 'sendrawtransaction', [claim.hex])).toMatch(/^00[0-9a-f]{60}00$/)
    const miner = await chain.rpc('miner', 'devchain_resetidentity', ['miner'])
    expect(miner.error?.code).toBe(-8)
  })

  it('getblockcount answers while a faucetget is mining, and devchain_jobs shows the search', { timeout: 180_000 }, async () => {
    await chain.ok('miner', 'generate', [1])
    await chain.ok('miner', 'devchain_resetidentity', [])
    let settled = false
    const claim = chain.ok('reader', 'faucetget', []).finally(() => { settled = true })
    const height = await chain.ok('miner', 'getblockcount')
    const answeredDuringSearch = !settled
    expect(typeof height).toBe('number')
    const { jobs } = await chain.ok('miner', 'devchain_jobs')
    const r = await claim
    expect(answeredDuringSearch).toBe(true)
    expect(r.result).toBe('success')
    expect(jobs[0]).toMatchObject({ kind: 'faucetget', node: 'reader', maxTries: 1_000_000 })
    const after = (await chain.ok('miner', 'devchain_jobs')).jobs[0]
    expect(after.state).toBe('found')
    expect(after.tries).toBeGreaterThan(0)
    expect(after.txid).toMatch(/^00[0-9a-f]{60}00$/)
  })
})

describe('faucet errors', () => {
  it('numeric parameters get komodod\'s typing error', async () => {
    const r = await chain.rpc('miner', 'faucetfund', [100])
    expect([r.status, r.error]).toEqual([500, { code: -1, message: 'JSON value is not a string as expected' }])
    const a = await chain.rpc('miner', 'faucetaddress', [123])
    expect(a.error).toEqual({ code: -1, message: 'JSON value is not a string as expected' })
  })

  it('soft errors and usage errors', async () => {
    expect((await chain.rpc('miner', 'faucetfund', ['0'])).result).toEqual({ result: 'error', error: 'funding amount must be positive' })
    expect((await chain.rpc('miner', 'faucetfund', ['abc'])).result).toEqual({ result: 'error', error: 'funding amount must be positive' })
    expect((await chain.rpc('miner', 'faucetfund', ['99999999'])).result).toEqual({ result: 'error', error: 'couldnt create faucet funding transaction' })
    expect((await chain.rpc('miner', 'faucetget', ['x'])).error).toEqual({ code: -1, message: 'faucetget\n' })
    expect((await chain.rpc('miner', 'faucetinfo', ['x'])).error).toEqual({ code: -1, message: 'faucetinfo\n' })
    expect((await chain.rpc('miner', 'faucetfund', [])).error).toEqual({ code: -1, message: 'faucetfund amount\n' })
  })
})

describe('without -ac_cc', () => {
  let plain: ChainHttp
  beforeAll(async () => {
    plain = await startChain(['-ac_name=NOCC', '-ac_supply=1000'])
  })
  afterAll(async () => {
    await plain.close()
  })

  it('CC RPCs fail with -1 and the "to use CC contracts" messages', async () => {
    const msg = 'to use CC contracts, you need to launch daemon with valid -pubkey= for an address in your wallet'
    expect((await plain.rpc('miner', 'faucetaddress', [])).error).toEqual({ code: -1, message: `${msg}. ERR=-1\n` })
    for (const [m, p] of [['faucetget', []], ['faucetinfo', []], ['faucetfund', ['1']], ['tokenaddress', []], ['tokenlist', []], ['tokencreate', ['A', '1']]] as const) {
      const r = await plain.rpc('miner', m, [...p])
      expect([m, r.status, r.error]).toEqual([m, 500, { code: -1, message: `${msg}\n` }])
    }
  })
})
