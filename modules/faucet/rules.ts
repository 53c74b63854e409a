/**
 * Faucet CC module (eval 0xe4), engine half, after komodod's src/cc/faucet.cpp and reference §4: fund
 * the one global faucet, claim 0.1 coin per brand-new address with a txid proof-of-work, and the
 * consensus rules that protect it. Keys and codec are in spec.ts.
 */
import { platform } from '#platform'
import { Amount } from '../../devchain/rpc/amount.ts'
import type { CcContext, CcModule, ValidationContext } from '../../devchain/modules.ts'
import type { Coin } from '../../devchain/chain/view.ts'
import { classifyScript, p2pk } from '../../devchain/tx/script.ts'
import { hexToHash, sha256d } from '../../devchain/crypto/hash.ts'
import { newTx, serializeTx, SEQUENCE_FINAL, type Tx } from '../../devchain/tx/transaction.ts'
import { ccAddress, ccScript, makeCCcond1 } from '../../devchain/cc/condition.ts'
import { bytesEqual, bytesToHex, hexToBytes } from '../../devchain/cc/hashes.ts'
import { opReturnScript } from '../../protocol/opret.ts'
import { ccAddressReply } from '../../devchain/cc/address-reply.ts'
import { encodeFaucetGet, faucet as FAUCET } from './spec.ts'
import { ccDevchainRpc, ccDevchainUsage } from './devchainMethods.ts'
import {
  CC_TXFEE, COIN, ccUnspents, checkCount, coinsToSats, ensureCC, finalizeCCTx, normalInputs, requireString, softError, spentInMempool,
} from '../../devchain/cc/cc-rpc.ts'
import { inputsWithEval, verifySpendFor } from '../../devchain/cc/spend.ts'
import { assertPublicModuleKey, minePowTx, warmPowPool } from './pow.ts'
import { SCRIPT_FALSE } from '../../devchain/chain/errors.ts'
import { recordReject } from '../../devchain/cc/rejects.ts'

const EVAL_FAUCET = FAUCET.evalCode
export const FAUCETSIZE = COIN / 10
const FAUCET_PK = hexToBytes(FAUCET.globalPubkey)
const FAUCET_PRIV = hexToBytes(FAUCET.globalPrivkey!)
const FAUCET_COND = makeCCcond1(EVAL_FAUCET, FAUCET_PK)
const FAUCET_SCRIPT = ccScript(FAUCET_COND)
export const FAUCET_CC_ADDRESS = ccAddress(EVAL_FAUCET, FAUCET_PK)
const CC_MAXVINS = 60
/** komodod's FaucetGet tries up to 1,000,000 nonces. */
const POW_TRIES = 1_000_000
/** As many workers as the platform gives a search: every core in a reader's browser, two on a server. */
const POW_WORKERS = Math.max(1, platform.parallelism())

const isFaucetVout = (script: Uint8Array): boolean => bytesEqual(script, FAUCET_SCRIPT)

/**
 * AddFaucetInputs: confirmed faucet CC outputs (the address index holds no mempool outputs)
 * not spent in the mempool, each > 0.01 coin and ≥ total/maxinputs; total 0 means "count all".
 */
function faucetInputs(ctx: CcContext, total: number, maxinputs: number): { coins: Coin[]; sum: number } {
  const L = ctx.chain.ledger
  const threshold = maxinputs > 0 ? Math.floor(total / Math.min(maxinputs, CC_MAXVINS)) : total
  const coins: Coin[] = []
  let sum = 0
  for (const c of ccUnspents(L, FAUCET_CC_ADDRESS)) {
    if (c.value < threshold || !isFaucetVout(c.script) || c.value <= 1_000_000 || spentInMempool(L, c)) continue
    coins.push(c)
    sum += c.value
    if ((total > 0 && sum >= total) || (maxinputs > 0 && coins.length >= maxinputs)) break
  }
  return { coins, sum }
}

function faucetfund(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 1, 1, 'faucetfund amount')
  warmPowPool(POW_WORKERS)
  const funds = coinsToSats(requireString(p, 0))
  const { pubkey } = ensureCC(ctx)
  if (funds <= 0) return softError('funding amount must be positive')
  const normal = normalInputs(ctx.wallet, funds + CC_TXFEE)
  if (!normal) return softError('couldnt create faucet funding transaction')
  const { hex } = finalizeCCTx({ wallet: ctx.wallet, mypk: pubkey, normal, cc: [], outputs: [{ value: funds, script: FAUCET_SCRIPT }] })
  return { hex, result: 'success' }
}

async function faucetget(ctx: CcContext, p: unknown[]): Promise<unknown> {
  checkCount(p, 0, 0, 'faucetget')
  const { pubkey } = ensureCC(ctx)
  const fail = softError('couldnt create faucet get transaction')
  const need = FAUCETSIZE + CC_TXFEE
  const { coins, sum } = faucetInputs(ctx, need, CC_MAXVINS)
  if (coins.length === 0 || sum < need) return fail
  const vout = []
  const change = sum - FAUCETSIZE - CC_TXFEE
  if (change !== 0) vout.push({ value: change, script: FAUCET_SCRIPT })
  vout.push({ value: FAUCETSIZE, script: p2pk(pubkey) })
  vout.push({ value: 0, script: opReturnScript(encodeFaucetGet(0)) })
  const tx = newTx(coins.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout)
  assertPublicModuleKey(FAUCET_PRIV, [FAUCET.globalPubkey])
  const found = await minePowTx({
    tx, inputs: coins.map((c) => ({ condition: FAUCET_COND, scriptCode: c.script, amount: c.value })),
    privkey: FAUCET_PRIV, maxTries: POW_TRIES, workers: POW_WORKERS, node: ctx.node,
  })
  if (!found) return fail
  return { hex: bytesToHex(found.raw), result: 'success' }
}

function faucetinfo(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 0, 'faucetinfo')
  warmPowPool(POW_WORKERS)
  ensureCC(ctx)
  const { sum } = faucetInputs(ctx, 0, 0)
  return { result: 'success', name: 'Faucet', funding: new Amount(sum).toFixed8() }
}

// ── consensus (FaucetValidate) ─────────────────────────────────────────────────────────────────

/** Why komodod's FaucetValidate refuses the transaction, or null. Texts are komodod's eval->Invalid(). */
export function faucetRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  const L = vctx.chain.ledger
  if (tx.vout.length < 1) return 'no vouts'
  for (let i = 0; i < tx.vin.length; i++) if (!vctx.spent[i]?.cc) return 'illegal normal vini'
  // FaucetExactAmounts
  let inputs = 0
  for (let i = 0; i < tx.vin.length; i++) {
    const c = vctx.spent[i]
    if (c.height < 0) return 'cant faucet from mempool'
    if (isFaucetVout(c.script)) inputs += c.value
  }
  let outputs = 0
  for (const o of tx.vout) if (isFaucetVout(o.script)) outputs += o.value
  if (inputs !== outputs + FAUCETSIZE + CC_TXFEE) return 'mismatched inputs != outputs + FAUCETSIZE + txfee'
  const payout = isFaucetVout(tx.vout[0].script) ? 1 : 0
  const out = tx.vout[payout]
  if (!out || out.value !== FAUCETSIZE) return 'invalid faucet output'
  const hash = sha256d(serializeTx(tx))
  if (hash[0] !== 0 || hash[31] !== 0) return 'invalid faucetget txid'
  // Fresh-address rule: any indexed tx of the recipient more than 3 blocks deep.
  const info = classifyScript(out.script)
  const dest = info.addresses[0]
  if (dest) {
    const idx = info.type === 'cryptocondition' ? L.ccIndex : L.addrIndex
    for (const e of idx.get(dest) ?? []) {
      if (e.height > 0 && L.height - e.height > 3) return 'faucet is only for brand new addresses'
    }
  }
  // PreventCC: nothing but the payout and the optional faucet change may be CC.
  for (let i = payout + 1; i < tx.vout.length; i++) if (classifyScript(tx.vout[i].script).type === 'cryptocondition') return 'invalid CC vout'
  return null
}

/** The devchain-only CC methods ride on the Faucet module; help skips devchain_* names. */
export const rules: CcModule = {
  evalCode: EVAL_FAUCET,
  name: 'Faucet',
  category: 'faucet',
  rpc: {
    faucetaddress: (ctx, p) => {
      warmPowPool(POW_WORKERS)
      return ccAddressReply(ctx, FAUCET, p, 'err')
    },
    faucetfund,
    faucetget,
    faucetinfo,
    ...ccDevchainRpc,
  },
  usage: { faucetaddress: 'faucetaddress [pubkey]', faucetfund: 'faucetfund amount', faucetget: 'faucetget', faucetinfo: 'faucetinfo', ...ccDevchainUsage },
  validate(tx, vctx) {
    if (inputsWithEval(tx, vctx.spent, EVAL_FAUCET).length === 0) return null
    const reason = faucetRejectReason(tx, vctx)
    if (reason) recordReject({ txid: vctx.txid, module: 'Faucet', reason })
    // komodod reports a failed eval as a script failure; the specific reason only reaches its log.
    return reason ? SCRIPT_FALSE : null
  },
  verifySpend: (tx, i, coin) => verifySpendFor(EVAL_FAUCET, tx, i, coin),
}

export { FAUCET_SCRIPT, FAUCET_COND, isFaucetVout }
