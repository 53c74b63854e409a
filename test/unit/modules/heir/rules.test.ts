/**
 * The Heir flow in-process, on a devchain with the modules loaded: a coin plan naming the reader as
 * heir, the heir refused before the inactivity time and served after it, the owner's spend
 * resetting the clock (and an add not resetting it, as in komodod), a token plan, komodod's soft
 * errors, and HeirValidate refusing hand-built transactions that are signed correctly but break
 * one rule each. The clock moves by mining blocks (60 s apart on this chain).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevchainCore, type DevchainCore } from '../../../support/devchain.ts'
import { recentRejects } from '../../../../devchain/cc/rejects.ts'
import { ccAddressOfScript, ccScript, makeCCcond1, makeCCcond1of2, type Condition } from '../../../../devchain/cc/condition.ts'
import { ccScriptSig, signCondition } from '../../../../devchain/cc/fulfillment.ts'
import { bytesToHex, hash160, hexToBytes } from '../../../../devchain/cc/hashes.ts'
import { hexToHash } from '../../../../devchain/crypto/hash.ts'
import { p2pk, p2pkh } from '../../../../devchain/tx/script.ts'
import { signatureHash, SIGHASH_ALL } from '../../../../devchain/tx/sighash.ts'
import { newTx, serializeTx, SEQUENCE_FINAL, type TxOut } from '../../../../devchain/tx/transaction.ts'
import type { Coin } from '../../../../devchain/chain/view.ts'
import { opReturnPayload, opReturnScript } from '../../../../protocol/opret.ts'
import { encodeHeirRef, heir, HEIR_FUNCID } from '../../../../modules/heir/spec.ts'
import { decodeHeirEither, fundAddress } from '../../../../modules/heir/rules.ts'

const SCRIPT_FALSE = '16: mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
const INACTIVITY = 600

let dc: DevchainCore
const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>
const mine = (n = 1) => call('miner', 'generate', [n])
const send = async (node: string, built: { hex?: string; result: string; error?: string }): Promise<string> => {
  expect(built, built.error).toMatchObject({ result: 'success' })
  return call(node, 'sendrawtransaction', [built.hex])
}
let minerPk: string
let readerPk: string
let plan: string

/** Mines until the chain's clock has run more than `seconds` past the block of `txid`. */
async function passTime(txid: string, seconds: number): Promise<void> {
  const height = dc.ledger.txs.get(txid)!.height
  const start = dc.ledger.blockTimeAt(height)!
  while (dc.ledger.tip.time - start <= seconds) await mine()
}

/** Confirmed outputs of the first plan at the coins 1-of-2 address (its own, or of a transaction naming it). */
function planCoins(): Coin[] {
  const coins = [...(dc.ledger.ccUtxos.get(fundAddress('coins', hexToBytes(minerPk), hexToBytes(readerPk)))?.values() ?? [])]
  return coins.filter((c) => {
    if (c.txid === plan) return true
    const tx = dc.ledger.txs.get(c.txid)!.tx
    const d = decodeHeirEither(opReturnPayload(tx.vout[tx.vout.length - 1].script)!)
    return d?.heir.funcId !== HEIR_FUNCID.FUND && d?.heir.fundingtxid === plan
  })
}

/**
 * A claim built by hand and signed by the reader: its fee coin, the plan coins spent with the 1-of-2
 * condition, then the given outputs and a 'C' OP_RETURN.
 */
function readerClaim(spend: Coin[], outputs: TxOut[], opts: { begun?: number; fundingtxid?: string; condition?: Condition; priv?: Uint8Array } = {}): string {
  const w = dc.wallet('reader')
  const fee = w.selectCoins(10_000)!.slice(0, 1)
  const coins = [...fee, ...spend]
  const opret = { value: 0, script: opReturnScript(encodeHeirRef(HEIR_FUNCID.CLAIM, { fundingtxid: opts.fundingtxid ?? plan, heirSpendingBegun: opts.begun ?? 0 })) }
  const change = fee[0].value - 10_000
  const vout = [...outputs, { value: change, script: p2pk(hexToBytes(readerPk)) }, opret]
  const tx = newTx(coins.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout)
  w.signInputs(tx, fee)
  const cond = opts.condition ?? makeCCcond1of2(0xea, hexToBytes(minerPk), hexToBytes(readerPk))
  const priv = opts.priv ?? w.pubkeyKey!.priv
  spend.forEach((c, k) => {
    tx.vin[1 + k].script = ccScriptSig(signCondition(cond, signatureHash(tx, 1 + k, c.script, c.value, SIGHASH_ALL), priv))
  })
  return bytesToHex(serializeTx(tx))
}

async function expectRefused(hex: string, reason: string): Promise<void> {
  await expect(call('reader', 'sendrawtransaction', [hex])).rejects.toMatchObject({ code: -26, message: SCRIPT_FALSE })
  expect(recentRejects().at(-1)).toMatchObject({ module: 'Heir', reason })
}

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'heir-rules' })
  minerPk = dc.wallet('miner').pubkey!
  readerPk = dc.wallet('reader').pubkey!
  const readerAddress = await call('reader', 'getnewaddress')
  await call('miner', 'sendtoaddress', [readerAddress, 1])
  await mine()
})
afterAll(async () => {
  await dc?.close()
})

describe('heiraddress', () => {
  it('needs the pubkey komodod reads unconditionally, and gives the plan address with it', async () => {
    await expect(call('miner', 'heiraddress')).rejects.toMatchObject({ code: -1, message: 'JSON value is not a string as expected' })
    await expect(call('miner', 'heiraddress', ['a', 'b'])).rejects.toMatchObject({ code: -1, message: 'heiraddress pubkey\n' })
    const r = await call('miner', 'heiraddress', [readerPk])
    expect(Object.keys(r)).toEqual([
      'result', 'HeirCCAddress', 'HeirCCBalance', 'HeirNormalAddress', 'HeirNormalBalance', 'HeirCC1of2Address', 'HeirCC1of2TokensAddress',
      'PubkeyCCaddress(Heir)', 'PubkeyCCbalance(Heir)', 'myCCAddress(Heir)', 'myCCbalance(Heir)', 'myaddress', 'mybalance',
    ])
    expect(r.HeirCCAddress).toBe('RDVHcSekmXgeYBqRupNTmqo3Rn8QRXNduy')
    expect(r.HeirNormalAddress).toBe('RTPwUjKYECcGn6Y4KYChLhgaht1RSU4jwf')
    expect(r.HeirCC1of2Address).toBe(fundAddress('coins', hexToBytes(minerPk), hexToBytes(readerPk)))
    expect(r.HeirCC1of2TokensAddress).toBe(fundAddress('tokens', hexToBytes(minerPk), hexToBytes(readerPk)))
  })
})

describe('heirfund', () => {
  it('answers komodod\'s soft errors in its order', async () => {
    const f = (p: unknown[]) => call('miner', 'heirfund', p)
    expect(await f(['0', 'n', readerPk, '60', 'm'])).toEqual({ result: 'error', error: 'incorrect amount' })
    expect(await f(['1.123456789', 'n', readerPk, '60', 'm'])).toEqual({ result: 'error', error: 'incorrect amount' })
    expect(await f(['1', 'n', 'nope', '60', 'm'])).toEqual({ result: 'error', error: 'incorrect pubkey' })
    expect(await f(['1', 'n', readerPk, '0', 'm'])).toEqual({ result: 'error', error: 'incorrect inactivity time' })
    expect(await f(['1', 'n', readerPk, '60', 'm', 'zz'])).toEqual({ result: 'error', error: 'incorrect tokenid' })
    expect(await f(['100000000', 'n', readerPk, '60', 'm'])).toEqual({ result: 'error', error: 'could not find owner inputs' })
    await expect(f(['1', 'n', readerPk, '60'])).rejects.toMatchObject({ code: -1, message: 'heirfund funds heirname heirpubkey inactivitytime memo [tokenid]\n' })
    await expect(f([1, 'n', readerPk, '60', 'm'])).rejects.toMatchObject({ code: -1, message: 'JSON value is not a string as expected' })
  })

  it('opens a coin plan: 1-of-2 funds, the marker heirlist reads, the F OP_RETURN', async () => {
    const built = await call('miner', 'heirfund', ['1', 'docs-plan', readerPk, String(INACTIVITY), 'for the reader'])
    expect(Object.keys(built)).toEqual(['result', 'hex'])
    const decoded = await call('miner', 'decoderawtransaction', [built.hex])
    expect(decoded.vout[0].valueZat).toBe(100_000_000)
    expect(decoded.vout[0].scriptPubKey.addresses).toEqual([fundAddress('coins', hexToBytes(minerPk), hexToBytes(readerPk))])
    expect(decoded.vout[1].valueZat).toBe(10_000)
    expect(decoded.vout[1].scriptPubKey.addresses).toEqual([heir.globalAddress])
    plan = await send('miner', built)
    expect(await call('miner', 'heirlist')).not.toContain(plan)
    await mine()
    expect(await call('reader', 'heirlist')).toEqual([plan])
  })

  it('heirinfo: komodod\'s keys, the inactivity so far, not yet the heir\'s turn', async () => {
    const info = await call('reader', 'heirinfo', [plan])
    expect(info).toEqual({
      fundingtxid: plan, name: 'docs-plan', owner: minerPk, heir: readerPk, type: 'coins', lifetime: '1.00000000', available: '1.00000000',
      InactivityTimeSetting: String(INACTIVITY), IsHeirSpendingAllowed: 'false', InactivityTime: '0', memo: 'for the reader', result: 'success',
    })
    await mine(2)
    expect((await call('reader', 'heirinfo', [plan])).InactivityTime).toBe('120')
    expect(await call('reader', 'heirinfo', ['f'.repeat(64)])).toEqual({ result: 'error', error: 'could not find heir cc plan for this txid (no initial tx)' })
    const notPlan = dc.ledger.txs.get(plan)!.tx.vin[0].prevHash
    expect(await call('reader', 'heirinfo', [Buffer.from(notPlan).reverse().toString('hex')]))
      .toEqual({ result: 'error', error: 'could not find heir cc plan for this txid' })
  })
})

describe('the heir before the inactivity time', () => {
  it('heirclaim refuses with komodod\'s message', async () => {
    expect(await call('reader', 'heirclaim', ['0.5', plan])).toEqual({ result: 'error', error: 'spending is not allowed yet for the heir' })
  })

  it('HeirValidate refuses the same claim built by hand, even with the "heir spending has begun" flag forged', async () => {
    const [coin] = planCoins()
    const pay = { value: 50_000_000, script: p2pk(hexToBytes(readerPk)) }
    const change = { value: coin.value - pay.value, script: coin.script }
    await expectRefused(readerClaim([coin], [pay, change]), 'invalid tx vout[0]:heir is not allowed yet to spend funds')
    await expectRefused(readerClaim([coin], [pay, change], { begun: 1 }), 'invalid tx vout[0]:heir is not allowed yet to spend funds')
  })

  it('nobody may spend the plan marker, nor claim with a foreign fundingtxid or without a Heir OP_RETURN', async () => {
    const marker = dc.ledger.findCoin(plan, 1)!
    const globalCond = makeCCcond1(0xea, hexToBytes(heir.globalPubkey))
    const pay = { value: marker.value, script: p2pk(hexToBytes(minerPk)) }
    await expectRefused(readerClaim([marker], [pay], { condition: globalCond, priv: hexToBytes(heir.globalPrivkey) }), 'invalid tx vin[1]:spending marker not allowed')
    const [coin] = planCoins()
    const toOwner = { value: coin.value, script: p2pk(hexToBytes(minerPk)) }
    await expectRefused(readerClaim([coin], [toOwner], { fundingtxid: 'ab'.repeat(32) }), 'no fundingtx found')
    await expectRefused(readerClaim([coin], [toOwner], { fundingtxid: '0'.repeat(64) }), 'incorrect tx opreturn: no fundingtxid present')
  })

  // komodod's CHeirSpendValidator knows the heir only by a P2PK vout.0 (makeUserVout); this is its
  // behaviour, reproduced, not ours to improve: the test pins it so a change is deliberate.
  it('like komodod, does not recognise the heir behind a P2PKH payout', async () => {
    const other = await send('miner', await call('miner', 'heirfund', ['0.2', 'second', readerPk, String(INACTIVITY), '']))
    await mine()
    const coin = dc.ledger.findCoin(other, 0)!
    const hex = readerClaim([coin], [{ value: coin.value, script: p2pkh(hash160(hexToBytes(readerPk))) }], { fundingtxid: other })
    expect(await call('reader', 'sendrawtransaction', [hex])).toMatch(/^[0-9a-f]{64}$/)
    await mine()
    expect((await call('reader', 'heirinfo', [other])).available).toBe('0.00000000')
    expect(await call('reader', 'heirlist')).toEqual(expect.arrayContaining([plan, other]))
  })
})

describe('after the inactivity time', () => {
  it('heirinfo says so, and the heir\'s claim is built, accepted and paid', async () => {
    await passTime(plan, INACTIVITY)
    const info = await call('reader', 'heirinfo', [plan])
    expect(info.IsHeirSpendingAllowed).toBe('true')
    expect(info).not.toHaveProperty('InactivityTime')
    const built = await call('reader', 'heirclaim', ['0.4', plan])
    expect(Object.keys(built)).toEqual(['result', 'hex'])
    const decoded = await call('reader', 'decoderawtransaction', [built.hex])
    expect(decoded.vout[0]).toMatchObject({ valueZat: 40_000_000, scriptPubKey: { type: 'pubkey', addresses: [(await call('reader', 'heiraddress', [readerPk])).myaddress] } })
    expect(decoded.vout[1]).toMatchObject({ valueZat: 60_000_000, scriptPubKey: { addresses: [fundAddress('coins', hexToBytes(minerPk), hexToBytes(readerPk))] } })
    await send('reader', built)
    await mine()
    expect((await call('reader', 'heirinfo', [plan])).available).toBe('0.60000000')
  })

  it('the heir\'s own claim does not count as activity: the heir may go on', async () => {
    expect(await call('reader', 'heirclaim', ['0.1', plan])).toMatchObject({ result: 'success' })
  })

  it('an add by the owner does not reset the clock (its inputs are normal: CheckVinPubkey sees no signer)', async () => {
    expect(await call('reader', 'heiradd', ['0.1', plan])).toEqual({ result: 'error', error: 'adding funds is only allowed for the owner of this contract' })
    expect(await call('miner', 'heiradd', ['0', plan])).toEqual({ result: 'error', error: 'invalid amount' })
    expect(await call('miner', 'heiradd', ['0.1', 'ab'.repeat(32)])).toEqual({ result: 'error', error: 'can\'t find any heir CC funding transactions' })
    const add = await call('miner', 'heiradd', ['0.5', plan])
    expect(Object.keys(add)).toEqual(['result', 'hex'])
    await send('miner', add)
    await mine()
    const info = await call('reader', 'heirinfo', [plan])
    expect(info).toMatchObject({ lifetime: '1.50000000', available: '1.10000000', IsHeirSpendingAllowed: 'true' })
  })

  it('a spend by the owner resets the clock: the heir is refused again', async () => {
    const spend = await send('miner', await call('miner', 'heirclaim', ['0.1', plan]))
    await mine()
    const info = await call('reader', 'heirinfo', [plan])
    expect(info).toMatchObject({ available: '1.00000000', IsHeirSpendingAllowed: 'false', InactivityTime: '0' })
    expect(await call('reader', 'heirclaim', ['0.1', plan])).toEqual({ result: 'error', error: 'spending is not allowed yet for the heir' })
    const [coin] = planCoins().filter((c) => c.txid === spend)
    await expectRefused(readerClaim([coin], [{ value: coin.value, script: p2pk(hexToBytes(readerPk)) }]), 'invalid tx vout[0]:heir is not allowed yet to spend funds')
    await passTime(spend, INACTIVITY)
    expect(await call('reader', 'heirclaim', ['0.1', plan])).toMatchObject({ result: 'success' })
  })

  it('someone neither owner nor heir cannot sign the plan\'s outputs', async () => {
    const stranger = '02' + '11'.repeat(32)
    const other = await send('reader', await call('reader', 'heirfund', ['0.1', 'not yours', stranger, '60', '']))
    await mine()
    expect(await call('miner', 'heirclaim', ['0.1', other])).toEqual({ result: 'error', error: 'sign error' })
    expect(await call('miner', 'heirclaim', ['5', plan])).toEqual({ result: 'error', error: 'can\'t find heir CC funding' })
  })
})

describe('a token plan', () => {
  let tokenid: string
  let tplan: string

  beforeAll(async () => {
    tokenid = await send('miner', await call('miner', 'tokencreate', ['HEIRTOK', '0.00001']))
    await mine()
  })

  it('locks token units in the tokens 1-of-2 address; heirinfo counts units', async () => {
    expect(await call('miner', 'heirfund', ['0', 'n', readerPk, '60', 'm', tokenid])).toEqual({ result: 'error', error: 'incorrect amount' })
    expect(await call('miner', 'heirfund', ['5000', 'n', readerPk, '60', 'm', tokenid])).toEqual({ result: 'error', error: 'could not find owner inputs' })
    const built = await call('miner', 'heirfund', ['400', 'tokens plan', readerPk, String(INACTIVITY), 'units', tokenid])
    const decoded = await call('miner', 'decoderawtransaction', [built.hex])
    expect(decoded.vout[0]).toMatchObject({ valueZat: 400, scriptPubKey: { addresses: [fundAddress('tokens', hexToBytes(minerPk), hexToBytes(readerPk))] } })
    expect(decoded.vout[2]).toMatchObject({ valueZat: 600 })
    tplan = await send('miner', built)
    await mine()
    expect(await call('reader', 'heirinfo', [tplan])).toEqual({
      fundingtxid: tplan, name: 'tokens plan', tokenid, owner: minerPk, heir: readerPk, type: 'tokens', lifetime: '400', available: '400',
      OwnerRemainderTokens: '600', InactivityTimeSetting: String(INACTIVITY), IsHeirSpendingAllowed: 'false', InactivityTime: '0', memo: 'units', result: 'success',
    })
    expect((await call('miner', 'tokenbalance', [tokenid])).balance).toBe(600)
  })

  it('the owner adds units; the heir waits, then claims units to its token address', async () => {
    await send('miner', await call('miner', 'heiradd', ['100', tplan]))
    await mine()
    expect(await call('reader', 'heirclaim', ['50', tplan])).toEqual({ result: 'error', error: 'spending is not allowed yet for the heir' })
    await passTime(tplan, INACTIVITY)
    await send('reader', await call('reader', 'heirclaim', ['150', tplan]))
    await mine()
    expect((await call('reader', 'tokenbalance', [tokenid, readerPk])).balance).toBe(150)
    expect(await call('reader', 'heirinfo', [tplan])).toMatchObject({ lifetime: '500', available: '350', OwnerRemainderTokens: '500', IsHeirSpendingAllowed: 'true' })
  })

  it('its clock runs from the funding: komodod looks for the owner\'s spends at the coins address only', async () => {
    await send('miner', await call('miner', 'heirclaim', ['50', tplan]))
    await mine()
    expect(await call('reader', 'heirinfo', [tplan])).toMatchObject({ available: '300', IsHeirSpendingAllowed: 'true' })
    expect((await call('miner', 'tokenbalance', [tokenid])).balance).toBe(550)
  })
})
