/**
 * The module rules at sendrawtransaction, with transactions signed correctly but breaking one
 * rule each (the Faucet and Tokens global keys are public, so anyone can sign such spends).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevchainCore, type DevchainCore } from '../../support/devchain.ts'
import { hexToHash } from '../../../devchain/crypto/hash.ts'
import { p2pk } from '../../../devchain/tx/script.ts'
import { newTx, parseTx, serializeTx, SEQUENCE_FINAL, type TxOut } from '../../../devchain/tx/transaction.ts'
import { signatureHash, SIGHASH_ALL } from '../../../devchain/tx/sighash.ts'
import type { Coin } from '../../../devchain/chain/ledger.ts'
import { ccScriptSig, signCondition } from '../../../devchain/cc/fulfillment.ts'
import { ccScript, makeCCcond1, type Condition } from '../../../devchain/cc/condition.ts'
import { FAUCET_CC_ADDRESS, FAUCET_COND, FAUCET_SCRIPT, FAUCETSIZE } from '../../../modules/faucet/rules.ts'
import { TOKENS_CC_ADDRESS } from '../../../modules/tokens/rules.ts'
import { recentRejects } from '../../../devchain/cc/rejects.ts'
import { opReturnScript } from '../../../protocol/opret.ts'
import { encodeFaucetGet, faucet } from '../../../modules/faucet/spec.ts'
import { encodeTokenTransfer, tokens as TOKENS } from '../../../modules/tokens/spec.ts'
import { bytesToHex, hexToBytes } from '../../../devchain/cc/hashes.ts'

const SCRIPT_FALSE = '16: mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
const FAUCET_PRIV = hexToBytes(faucet.globalPrivkey!)
const TOKENS_PRIV = hexToBytes(TOKENS.globalPrivkey!)

let dc: DevchainCore
const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p) as Promise<any>

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'devchain-cc-consensus' })
  await call('miner', 'sendrawtransaction', [(await call('miner', 'faucetfund', ['5'])).hex])
  await call('miner', 'generate', [1])
})
afterAll(async () => {
  await dc.close()
})

/** Signs CC inputs with `priv` over `cond`, as any holder of a public module key could. */
function signed(coins: Coin[], vout: TxOut[], cond: Condition, priv: Uint8Array): string {
  const tx = newTx(coins.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout)
  coins.forEach((c, i) => {
    tx.vin[i].script = ccScriptSig(signCondition(cond, signatureHash(tx, i, c.script, c.value, SIGHASH_ALL), priv))
  })
  return bytesToHex(serializeTx(tx))
}

async function expectRefused(hex: string, module: string, reason: string): Promise<void> {
  await expect(call('reader', 'sendrawtransaction', [hex])).rejects.toMatchObject({ code: -26, message: SCRIPT_FALSE })
  expect(recentRejects().at(-1)).toMatchObject({ module, reason })
}

describe('Faucet rules', () => {
  const faucetCoin = (): Coin => [...dc.ledger.ccUtxos.get(FAUCET_CC_ADDRESS)!.values()][0]
  const readerPayout = (v = FAUCETSIZE): TxOut => ({ value: v, script: p2pk(hexToBytes(dc.wallet('reader').pubkey!)) })
  const opret = { value: 0, script: opReturnScript(encodeFaucetGet(7)) }

  it('inputs must equal faucet outputs + 0.1 + fee', async () => {
    const c = faucetCoin()
    const hex = signed([c], [{ value: c.value - FAUCETSIZE - 20_000, script: FAUCET_SCRIPT }, readerPayout(), opret], FAUCET_COND, FAUCET_PRIV)
    await expectRefused(hex, 'Faucet', 'mismatched inputs != outputs + FAUCETSIZE + txfee')
  })

  it('the payout must be exactly 0.1 coin', async () => {
    const c = faucetCoin()
    const hex = signed([c], [{ value: c.value - FAUCETSIZE - 10_000, script: FAUCET_SCRIPT }, readerPayout(FAUCETSIZE / 2), opret], FAUCET_COND, FAUCET_PRIV)
    await expectRefused(hex, 'Faucet', 'invalid faucet output')
  })

  it('the txid must start and end with 00', async () => {
    const c = faucetCoin()
    const hex = signed([c], [{ value: c.value - FAUCETSIZE - 10_000, script: FAUCET_SCRIPT }, readerPayout(), opret], FAUCET_COND, FAUCET_PRIV)
    const txid = await call('reader', 'decoderawtransaction', [hex]).then((d) => d.txid as string)
    expect(/^00.*00$/.test(txid)).toBe(false)
    await expectRefused(hex, 'Faucet', 'invalid faucetget txid')
  })

  it('faucet outputs in the mempool cannot be claimed from', async () => {
    const fund = await call('miner', 'faucetfund', ['2'])
    const fundTxid = await call('miner', 'sendrawtransaction', [fund.hex])
    const c = dc.ledger.findCoin(fundTxid, 0)!
    expect(c.height).toBe(-1)
    const hex = signed([c], [{ value: c.value - FAUCETSIZE - 10_000, script: FAUCET_SCRIPT }, readerPayout(), opret], FAUCET_COND, FAUCET_PRIV)
    await expectRefused(hex, 'Faucet', 'cant faucet from mempool')
  })
})

describe('Tokens rules', () => {
  let tokenid: string
  let minerPk: Uint8Array
  beforeAll(async () => {
    minerPk = hexToBytes(dc.wallet('miner').pubkey!)
    tokenid = await call('miner', 'sendrawtransaction', [(await call('miner', 'tokencreate', ['RULES', '0.0001'])).hex])
    await call('miner', 'generate', [1])
  })

  it('token outputs must add up to the token inputs', async () => {
    const good = parseTx(hexToBytes((await call('miner', 'tokentransfer', [tokenid, dc.wallet('reader').pubkey, '10'])).hex))
    // Rebuild the same transfer with one extra unit to the reader, signed properly.
    const minerKey = dc.wallet('miner').pubkeyKey!
    const rec = dc.ledger.txs.get(tokenid)!
    const tokenCoin = dc.ledger.findCoin(tokenid, 1)!
    const feeCoin = dc.ledger.findCoin(Buffer.from(good.vin[0].prevHash).reverse().toString('hex'), good.vin[0].prevIndex)!
    expect(rec.tx.vout[1].value).toBe(10_000)
    const vout = good.vout.map((o, n) => (n === 0 ? { ...o, value: o.value + 1 } : o))
    const tx = newTx([feeCoin, tokenCoin].map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout)
    dc.wallet('miner').signInputs(tx, [feeCoin, tokenCoin])
    tx.vin[1].script = ccScriptSig(signCondition(makeCCcond1(0xf2, minerPk), signatureHash(tx, 1, tokenCoin.script, tokenCoin.value, SIGHASH_ALL), minerKey.priv))
    await expectRefused(bytesToHex(serializeTx(tx)), 'Tokens', 'cc inputs != cc outputs')
  })

  it('the creation marker is not a token and cannot be spent as one', async () => {
    const marker = [...dc.ledger.ccUtxos.get(TOKENS_CC_ADDRESS)!.values()].find((c) => c.txid === tokenid)!
    const opret = { value: 0, script: opReturnScript(encodeTokenTransfer({ tokenid, destPubkeys: [minerPk] })) }
    const hex = signed([marker], [{ value: marker.value, script: ccScript(makeCCcond1(0xf2, minerPk)) }, opret], makeCCcond1(0xf2, hexToBytes(TOKENS.globalPubkey)), TOKENS_PRIV)
    await expectRefused(hex, 'Tokens', 'vin is not a token output of this tokenid')
  })
})
