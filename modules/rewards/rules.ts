/**
 * Rewards CC module (eval 0xe5), run by the devchain: the transaction builders behind the RPCs, the
 * index reads komodod answers from, and RewardsValidate. Follows komodod's src/cc/rewards.cpp
 * (RewardsCalc, AddRewardsInputs, RewardsPlanFunds, RewardsPlanExists, RewardsInfo, RewardsList,
 * RewardsCreateFunding/Addfunding/Lock/Unlock, RewardsValidate, RewardsExactAmounts), the wrappers in
 * src/wallet/rpcwallet.cpp (parameter parsing and the soft error texts) and CCduration in
 * src/cc/CCutils.cpp (the lock time is the chain's clock: tip time minus the lock's block time).
 *
 * Transactions, as komodod lays them out (every CC output sits at the one global CC address):
 *   createfunding  vout0 funds CC, vout1 0.0001 P2PK to the global pubkey (rewardslist), change, opret 'F'
 *   addfunding     vout0 amount CC, change, opret 'A'
 *   lock           vout0 deposit CC, vout1 0.0001 P2PK to the locker (the unlock address), change, opret 'L'
 *   unlock         vin0 the lock, vin1+ pool outputs  vout0 pool change CC, vout1 deposit+reward to the
 *                  lock's vout1 script, opret 'U'; or, when the pool cannot pay, a "recover" tx with the
 *                  lock alone: vout0 deposit−0.0002 to the lock's vout1 script, vout1 0.0001 change, opret 'U'
 * The global private key is a public constant, so anyone can sign the pool's outputs: RewardsValidate
 * is what protects them.
 */
import type { CcContext, CcModule, ValidationContext } from '../../devchain/modules.ts'
import type { Coin, LedgerView as Ledger } from '../../devchain/chain/view.ts'
import type { Tx, TxOut } from '../../devchain/tx/transaction.ts'
import { outpointKey } from '../../devchain/chain/view.ts'
import { hashToHex } from '../../devchain/crypto/hash.ts'
import { p2pk } from '../../devchain/tx/script.ts'
import { SCRIPT_FALSE } from '../../devchain/chain/errors.ts'
import { ccAddressOfScript, ccScript, isCCScript, makeCCcond1 } from '../../devchain/cc/condition.ts'
import { opReturnPayload, opReturnScript } from '../../protocol/opret.ts'
import { ccAddressReply } from '../../devchain/cc/address-reply.ts'
import { bytesEqual, hexToBytes } from '../../devchain/cc/hashes.ts'
import {
  atof, atoll, CC_TXFEE, ccDuration, ccUnspents, checkCount, COIN, coinsToSats, ensureCC, finalizeCCTx, normalInputs, requireString, softError, spentInMempool, type CCInput,
} from '../../devchain/cc/cc-rpc.ts'
import { evalCodesOfScriptSig, inputsWithEval, verifySpendFor } from '../../devchain/cc/spend.ts'
import { recordReject } from '../../devchain/cc/rejects.ts'
import { Amount } from '../../devchain/rpc/amount.ts'
import { REWARDS_CC_ADDRESS, REWARDS_EVAL, REWARDS_GLOBAL_PUBKEY, REWARDS_NAME, REWARDS_NORMAL_ADDRESS, REWARDS_USAGE, rewards as REWARDS } from './spec.ts'
import {
  FUNCID, PLAN_NAME_MAX, decodeRewardsFunding, decodeRewardsOpret, encodeRewardsFunding, encodeRewardsOpret, stringbits, unstringbits, validPlanName,
  type RewardsOpret, type RewardsPlanTerms,
} from './spec/opret.ts'

const GLOBAL_PK = hexToBytes(REWARDS_GLOBAL_PUBKEY)
/** RewardsCCpriv, a public constant of komodod's src/cc/CCcustom.cpp: signs the pool's outputs. */
const REWARDS_PRIV = hexToBytes('82f5d2e7d6993377fb800097233d1e6f61a9b52e5eb4966fbced6be2bb7b4bb3')
const GLOBAL_COND = makeCCcond1(REWARDS_EVAL, GLOBAL_PK)
const GLOBAL_SCRIPT = ccScript(GLOBAL_COND)
const ZERO_TXID = '0'.repeat(64)
/** REWARDSCC_MAXAPR (src/cc/CCrewards.h): 25% a year. */
export const REWARDSCC_MAXAPR = 25n * BigInt(COIN)
const DAY = 3600 * 24
const YEAR = 365n * 24n * 3600n
/** nStakedDecemberHardforkTimestamp (src/komodo_hardfork.cpp): asset chains use the exact formula after it. */
const DECEMBER_2019_HARDFORK = 1576840000
const CC_MAXVINS = 60

// ── reading the chain ─────────────────────────────────────────────────────────────────────────

const lastPayload = (tx: Tx): Uint8Array | null => (tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null)

/** DecodeRewardsOpRet of a transaction's last output. */
function opretOf(txid: string, tx: Tx | undefined): RewardsOpret | null {
  const payload = tx && lastPayload(tx)
  return payload ? decodeRewardsOpret(txid, payload) : null
}

/** DecodeRewardsFundingOpRet of a transaction's last output. */
function termsOf(tx: Tx | undefined): RewardsPlanTerms | null {
  const payload = tx && lastPayload(tx)
  return payload ? decodeRewardsFunding(payload) : null
}

/** Parseuint256: 64 hex characters, else zero. */
const txidParam = (s: string): string => (/^[0-9a-fA-F]{64}$/.test(s) ? s.toLowerCase() : ZERO_TXID)

/** A txid as the index keys it (CAddressUnspentKey: the uint256's bytes, so the display hex reversed). */
const indexKey = (txid: string): string => txid.replace(/../g, (b) => `${b},`).split(',').reverse().join('')
/** The pool's confirmed unspent outputs, in the address index's order (SetCCunspents). */
const poolUnspents = (L: Ledger): Coin[] =>
  ccUnspents(L, REWARDS_CC_ADDRESS).sort((a, b) => {
    const [ka, kb] = [indexKey(a.txid), indexKey(b.txid)]
    return ka < kb ? -1 : ka > kb ? 1 : a.vout - b.vout
  })

/**
 * RewardsCalc: the reward of `amount` locked by `txid`. Nothing before `minseconds`; the duration
 * counts up to `maxseconds`; never more than the amount itself. `timestamp` picks the formula: after
 * the December 2019 hardfork, amount·APR·duration / (COIN·100·year) exactly (arith_uint256).
 */
export function rewardsCalc(amount: bigint, duration: number, terms: Pick<RewardsPlanTerms, 'APR' | 'minseconds' | 'maxseconds'>, timestamp: number): bigint {
  let d = BigInt(duration)
  if (d < BigInt.asIntN(64, terms.minseconds)) return 0n
  if (d > BigInt.asIntN(64, terms.maxseconds)) d = BigInt.asIntN(64, terms.maxseconds)
  const APR = BigInt.asIntN(64, terms.APR)
  let reward: bigint
  if (timestamp <= DECEMBER_2019_HARDFORK) {
    // The old int64 formula, overflow and all.
    const perYear = BigInt.asIntN(64, BigInt.asIntN(64, amount * d) / YEAR)
    reward = BigInt.asUintN(64, BigInt.asIntN(64, perYear * (APR / 1_000_000n)) / 10_000n)
  } else {
    const num = BigInt.asUintN(256, BigInt.asUintN(256, amount) * BigInt.asUintN(256, APR) * BigInt.asUintN(256, d))
    reward = BigInt.asUintN(64, num / (BigInt(COIN) * 100n * YEAR))
  }
  return reward > BigInt.asUintN(64, amount) ? BigInt.asUintN(64, amount) : reward
}

/** RewardsPlanExists: the terms of the mined plan named by `sbits`, found through the pool's CC index. */
function planTerms(L: Ledger, sbits: bigint): RewardsPlanTerms | null {
  for (const e of L.ccIndex.get(REWARDS_CC_ADDRESS) ?? []) {
    if (e.spending || e.satoshis < 0) continue
    const tx = L.txs.get(e.txid)?.tx
    // ConstrainVout(vout0, CC, global CC address, any value)
    if (!tx || tx.vout.length === 0 || !isCCScript(tx.vout[0].script) || ccAddressOfScript(tx.vout[0].script) !== REWARDS_CC_ADDRESS) continue
    const t = termsOf(tx)
    if (t && t.sbits === sbits) return t
  }
  return null
}

/**
 * IsRewardsvout: the value of output `v` when it is a CC output at the global address of a
 * transaction of plan (refsbits, reffundingtxid); 0 otherwise.
 */
function rewardsVoutValue(txid: string, tx: Tx, v: number, refsbits: bigint, ref: string): number {
  const out = tx.vout[v]
  if (!out || !isCCScript(out.script)) return 0
  const o = opretOf(txid, tx)
  if (!o || o.sbits !== refsbits || (o.fundingtxid !== ref && txid !== ref)) return 0
  return ccAddressOfScript(out.script) === REWARDS_CC_ADDRESS ? out.value : 0
}

/** RewardsPlanFunds: the pool's coins left to pay rewards, and the coins locked, of one plan. */
function planFunds(L: Ledger, refsbits: bigint, ref: string): { funding: number; locked: number } {
  let funding = 0
  let locked = 0
  for (const c of poolUnspents(L)) {
    const tx = L.txs.get(c.txid)?.tx
    const o = opretOf(c.txid, tx)
    if (!tx || !o) continue
    // komodod: `refsbits == sbits && (funcid == 'F' && ref == txid) || ref == fundingtxid`.
    if (!((refsbits === o.sbits && o.funcid === FUNCID.fund && ref === c.txid) || ref === o.fundingtxid)) continue
    const value = rewardsVoutValue(c.txid, tx, c.vout, o.sbits, o.fundingtxid)
    if (value <= 0) continue
    if (o.funcid === FUNCID.lock) locked += value
    else funding += value
  }
  return { funding, locked }
}

/**
 * AddRewardsInputs. With `maxseconds` 0 it gathers the plan's pool outputs ('F', 'A', 'U') for a
 * reward, then one unspent 'U' change from the mempool if still short; otherwise it looks for a
 * deposit to unlock ('L', or pool outputs older than maxseconds, as komodod has it) and reports the
 * script of its vout1.
 */
function rewardsInputs(L: Ledger, maxseconds: bigint, total: number, maxinputs: number, refsbits: bigint, ref: string, taken: readonly Coin[]) {
  const coins: Coin[] = []
  let sum = 0
  let unlockScript: Uint8Array | null = null
  const max = Math.min(maxinputs, CC_MAXVINS)
  const threshold = max > 0 ? Math.trunc(total / max) : total
  for (const c of poolUnspents(L)) {
    if (c.value < threshold) continue
    if (taken.some((t) => t.txid === c.txid && t.vout === c.vout)) continue
    const tx = L.txs.get(c.txid)?.tx
    if (!tx || spentInMempool(L, c)) continue
    const o = opretOf(c.txid, tx)
    if (!o || o.sbits !== refsbits || o.fundingtxid !== ref) continue
    if (maxseconds === 0n && o.funcid === FUNCID.lock) continue
    if (maxseconds !== 0n && o.funcid !== FUNCID.lock && BigInt(ccDuration(L, c.txid)) < maxseconds) continue
    if (total !== 0 && max !== 0) {
      if (maxseconds !== 0n) unlockScript = tx.vout[1]?.script ?? null
      coins.push(c)
    }
    sum += c.value
    if ((total > 0 && sum >= total) || (max > 0 && coins.length >= max)) break
  }
  if (maxseconds === 0n && sum < total && (max === 0 || coins.length < max - 1)) {
    // myIs_unlockedtx_inmempool: an unlock still in the mempool whose pool change covers the rest.
    // komodod walks mapTx; the devchain walks its mempool in arrival order.
    for (const c of L.mempoolByAddress.get(REWARDS_CC_ADDRESS)?.values() ?? []) {
      const tx = c.vout === 0 ? L.txs.get(c.txid)?.tx : undefined
      const o = opretOf(c.txid, tx)
      if (!tx || c.value < total - sum || spentInMempool(L, c) || !o || o.funcid !== FUNCID.unlock || o.sbits !== refsbits || o.fundingtxid !== ref) continue
      coins.push(c)
      sum += c.value
      break
    }
  }
  return { coins, sum, unlockScript }
}

/** "%.8f" of satoshis, as komodod's sprintf prints coins. */
const coins8 = (sats: number | bigint): string => new Amount(Number(sats)).toFixed8()

/** AddNormalinputs with komodod's input cap; null when the wallet cannot cover `total` within it. */
function normalUpTo(ctx: CcContext, total: number, maxinputs: number): Coin[] | null {
  const coins = total > 0 ? normalInputs(ctx.wallet, total) : []
  return coins && coins.length <= maxinputs ? coins : null
}

const poolInput = (coin: Coin): CCInput => ({ coin, condition: GLOBAL_COND, priv: REWARDS_PRIV })

function finalize(ctx: CcContext, mypk: Uint8Array, normal: Coin[], cc: CCInput[], outputs: TxOut[], opret: Uint8Array): string {
  return finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc, outputs, opret: opReturnScript(opret) }).hex
}

// ── RPCs ──────────────────────────────────────────────────────────────────────────────────────

const usage = (m: string) => REWARDS_USAGE[m]
const success = (hex: string) => ({ result: 'success', hex })
const NAME_ERROR = `Plan name can be at most ${PLAN_NAME_MAX} ASCII characters`

/** RewardsCreateFunding's own checks; an empty string is komodod's "" (the wrapper's generic text). */
function buildCreateFunding(ctx: CcContext, mypk: Uint8Array, name: string, funds: number, terms: Omit<RewardsPlanTerms, 'sbits'>): string {
  const { APR, minseconds, maxseconds, mindeposit } = terms
  if (funds < COIN || mindeposit < 0n || minseconds < 0n || maxseconds < 0n) return ''
  if (APR > REWARDSCC_MAXAPR) return ''
  const sbits = stringbits(name)
  if (planTerms(ctx.chain.ledger, sbits)) return ''
  const normal = normalUpTo(ctx, funds + 2 * CC_TXFEE, 64)
  if (!normal) return ''
  const outputs = [{ value: funds, script: GLOBAL_SCRIPT }, { value: CC_TXFEE, script: p2pk(GLOBAL_PK) }]
  return finalize(ctx, mypk, normal, [], outputs, encodeRewardsFunding({ sbits, ...terms }))
}

function rewardscreatefunding(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 6, usage('rewardscreatefunding'))
  const { pubkey } = ensureCC(ctx)
  // komodod's defaults are the OOT plan's: 5% a year, 60 days, at least 100 coins.
  let APR = 5n * BigInt(COIN)
  let minseconds = 60n * BigInt(DAY)
  let maxseconds = minseconds
  let mindeposit = 100n * BigInt(COIN)
  const name = requireString(p, 0)
  const funds = coinsToSats(requireString(p, 1))
  if (!validPlanName(name)) return softError(NAME_ERROR)
  if (funds <= 0) return softError('funds must be positive')
  if (p.length > 2) {
    APR = BigInt(Math.trunc(atof(requireString(p, 2)) * COIN))
    if (APR > REWARDSCC_MAXAPR) return softError('25% APR is maximum')
    if (p.length > 3) {
      minseconds = BigInt(atoll(requireString(p, 3))) * BigInt(DAY)
      if (minseconds < 0n) return softError('mindays must be non-negative')
      if (p.length > 4) {
        maxseconds = BigInt(atoll(requireString(p, 4))) * BigInt(DAY)
        if (maxseconds <= 0n) return softError('maxdays must be positive')
        if (maxseconds < minseconds) return softError('maxdays must be greater than mindays')
        if (p.length > 5) mindeposit = BigInt(coinsToSats(requireString(p, 5)))
        // komodod's check sits outside the `params.size() > 5` branch (it has no braces).
        if (mindeposit <= 0n) return softError('mindeposit must be positive')
      }
    }
  }
  const hex = buildCreateFunding(ctx, pubkey, name, funds, { APR, minseconds, maxseconds, mindeposit })
  return hex ? success(hex) : softError('couldnt create rewards funding transaction')
}

/** The wrappers' common tail: plan name first, then RewardsXxx's CCerror, then the amount. */
function answer(name: string, built: { hex: string; error?: string }, amount: number, failed: string, notPositive: string): unknown {
  if (!validPlanName(name)) return softError(NAME_ERROR)
  if (built.error) return softError(built.error)
  if (amount <= 0) return softError(notPositive)
  return built.hex ? success(built.hex) : softError(failed)
}

/** `name fundingtxid amount`, read as rewardsaddfunding and rewardslock read them. */
function planAmountArgs(ctx: CcContext, p: unknown[], method: string) {
  checkCount(p, 3, 3, usage(method))
  const { pubkey } = ensureCC(ctx)
  return { pubkey, name: requireString(p, 0), fundingtxid: txidParam(requireString(p, 1)), amount: coinsToSats(requireString(p, 2)) }
}

function rewardsaddfunding(ctx: CcContext, p: unknown[]): unknown {
  const { pubkey, name, fundingtxid, amount } = planAmountArgs(ctx, p, 'rewardsaddfunding')
  const build = (): { hex: string; error?: string } => {
    if (amount < 0) return { hex: '' }
    const sbits = stringbits(name)
    if (!planTerms(ctx.chain.ledger, sbits)) return { hex: '', error: `Rewards plan ${name} doesnt exist\n` }
    const normal = normalUpTo(ctx, amount + CC_TXFEE, 64)
    // komodod sets "cant find enough inputs", then overwrites it on the way out.
    if (!normal) return { hex: '', error: 'cant find fundingtxid' }
    return { hex: finalize(ctx, pubkey, normal, [], [{ value: amount, script: GLOBAL_SCRIPT }], encodeRewardsOpret(FUNCID.add, sbits, fundingtxid)) }
  }
  return answer(name, build(), amount, 'couldnt create rewards addfunding transaction', 'funding amount must be positive')
}

function rewardslock(ctx: CcContext, p: unknown[]): unknown {
  const { pubkey, name, fundingtxid, amount: deposit } = planAmountArgs(ctx, p, 'rewardslock')
  const L = ctx.chain.ledger
  const build = (): { hex: string; error?: string } => {
    // The wrapper passes txfee 0, so only a negative deposit is "less than txfee".
    if (deposit < 0) return { hex: '', error: 'deposit amount less than txfee' }
    const sbits = stringbits(name)
    const terms = planTerms(L, sbits)
    if (!terms) return { hex: '', error: `Rewards plan ${name} doesnt exist\n` }
    if (BigInt(deposit) < BigInt.asIntN(64, terms.mindeposit)) {
      return { hex: '', error: `Rewards plan ${name} deposit ${coins8(deposit)} < mindeposit ${coins8(terms.mindeposit)}\n` }
    }
    const { funding } = planFunds(L, sbits, fundingtxid)
    // komodod: "arbitrary cmpval" — a deposit may not exceed what the pool holds.
    if (funding < deposit) return { hex: '' }
    const normal = normalUpTo(ctx, deposit + 2 * CC_TXFEE, 64)
    if (!normal) {
      return { hex: '', error: `cant find enough inputs ${coins8(funding)} not enough for ${coins8(deposit)}, make sure you imported privkey for the -pubkey address\n` }
    }
    const outputs = [{ value: deposit, script: GLOBAL_SCRIPT }, { value: CC_TXFEE, script: p2pk(pubkey) }]
    return { hex: finalize(ctx, pubkey, normal, [], outputs, encodeRewardsOpret(FUNCID.lock, sbits, fundingtxid)) }
  }
  return answer(name, build(), deposit, 'couldnt create rewards lock transaction', 'amount must be positive')
}

/** RewardsUnlock: the unlock (or recover) transaction, or komodod's CCerror. */
function buildUnlock(ctx: CcContext, mypk: Uint8Array, name: string, fundingtxid: string, locktxid: string): { hex: string; error?: string } {
  const L = ctx.chain.ledger
  const sbits = stringbits(name)
  if (locktxid === fundingtxid) return { hex: '', error: 'Rewards plan cant unlock fundingtxid' }
  const terms = planTerms(L, sbits)
  if (!terms) return { hex: '', error: 'Rewards plan does not exist' }
  let lock: Coin | undefined
  let unlockScript: Uint8Array | null = null
  let amount = 0
  if (locktxid === ZERO_TXID) {
    const found = rewardsInputs(L, terms.maxseconds, 2 ** 30, 1, sbits, fundingtxid, [])
    lock = found.coins[0]
    unlockScript = found.unlockScript
    amount = found.sum
  } else {
    // CCutxovalue: the confirmed unspent index only (a spend in the mempool does not hide it).
    lock = L.ccUtxos.get(REWARDS_CC_ADDRESS)?.get(outpointKey(locktxid, 0))
    if (!lock) return { hex: '', error: 'locktxid/v0 is spent' }
    amount = lock.value
    const vout1 = L.txs.get(locktxid)?.tx.vout[1]
    if (!vout1 || isCCScript(vout1.script)) return { hex: '', error: 'no normal vout.1 in locktxid' }
    unlockScript = vout1.script
  }
  if (amount <= CC_TXFEE) return { hex: '', error: 'amount must be more than txfee' }
  const reward = Number(rewardsCalc(BigInt(amount), ccDuration(L, lock!.txid), terms, L.tip.time))
  if (!unlockScript || unlockScript.length === 0) return { hex: '', error: 'invalid scriptPubKey' }
  // komodod formats the int64 reward with "%.8f" through tinyformat, which prints the integer.
  if (reward <= CC_TXFEE) return { hex: '', error: `reward ${reward} is <= the transaction fee` }
  const pool = rewardsInputs(L, 0n, reward + CC_TXFEE, 30, sbits, fundingtxid, [lock!])
  const opret = encodeRewardsOpret(FUNCID.unlock, sbits, fundingtxid)
  if (pool.sum >= reward + CC_TXFEE) {
    const change = pool.sum >= reward + 2 * CC_TXFEE ? pool.sum - (reward + CC_TXFEE) : 0
    const outputs = [{ value: change, script: GLOBAL_SCRIPT }, { value: amount + reward, script: unlockScript }]
    return { hex: finalize(ctx, mypk, [], [lock!, ...pool.coins].map(poolInput), outputs, opret) }
  }
  // Recover mode: the pool cannot pay the reward, so the deposit comes back without it.
  return { hex: finalize(ctx, mypk, [], [poolInput(lock!)], [{ value: amount - 2 * CC_TXFEE, script: unlockScript }], opret) }
}

function rewardsunlock(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 3, usage('rewardsunlock'))
  const { pubkey } = ensureCC(ctx)
  const name = requireString(p, 0)
  const fundingtxid = txidParam(requireString(p, 1))
  if (!validPlanName(name)) return softError(NAME_ERROR)
  const locktxid = p.length > 2 ? txidParam(requireString(p, 2)) : ZERO_TXID
  const built = buildUnlock(ctx, pubkey, name, fundingtxid, locktxid)
  if (built.error) return softError(built.error)
  return built.hex ? success(built.hex) : softError('couldnt create rewards unlock transaction')
}

function rewardsinfo(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 1, 1, usage('rewardsinfo'))
  ensureCC(ctx)
  const fundingtxid = txidParam(requireString(p, 0))
  const L = ctx.chain.ledger
  const tx = L.txs.get(fundingtxid)?.tx
  if (!tx) return softError('cant find fundingtxid')
  const t = termsOf(tx)
  if (!t) return softError('fundingtxid isnt rewards creation txid')
  const { funding, locked } = planFunds(L, t.sbits, fundingtxid)
  return {
    result: 'success', fundingtxid, name: unstringbits(t.sbits),
    // A uint64 komodod prints as a JSON integer; above 2^53 the devchain's number rounds (protocol/differences.ts).
    sbits: Number(t.sbits),
    APR: coins8(t.APR), minseconds: Number(t.minseconds), maxseconds: Number(t.maxseconds), mindeposit: coins8(t.mindeposit),
    funding: coins8(funding), locked: coins8(locked),
  }
}

function rewardslist(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 0, usage('rewardslist'))
  ensureCC(ctx)
  const L = ctx.chain.ledger
  // SetCCtxids over the global pubkey's normal address: every funding's 0.0001 marker lands there.
  return (L.addrIndex.get(REWARDS_NORMAL_ADDRESS) ?? [])
    .filter((e) => !e.spending && e.satoshis >= 0 && termsOf(L.txs.get(e.txid)?.tx))
    .map((e) => e.txid)
}

// ── consensus (RewardsValidate) ───────────────────────────────────────────────────────────────

/** cp->ismyvin: the fulfillment names the Rewards eval code. */
const isRewardsInput = (tx: Tx, i: number): boolean => evalCodesOfScriptSig(tx.vin[i].script).includes(REWARDS_EVAL)

/** RewardsExactAmounts: the plan's CC inputs equal its CC outputs plus `txfee`. */
function exactAmountsReason(tx: Tx, vctx: ValidationContext, txfee: number, refsbits: bigint, ref: string): string | null {
  const L = vctx.chain.ledger
  let inputs = 0
  for (let i = 0; i < tx.vin.length; i++) {
    if (!isRewardsInput(tx, i)) continue
    const prevTxid = hashToHex(tx.vin[i].prevHash)
    const prev = L.txs.get(prevTxid)
    if (!prev) return 'always should find vin, but didnt'
    if (prev.height < 0) return 'cant rewards from mempool'
    inputs += rewardsVoutValue(prevTxid, prev.tx, tx.vin[i].prevIndex, refsbits, ref)
  }
  let outputs = 0
  for (let i = 0; i < tx.vout.length; i++) outputs += rewardsVoutValue(vctx.txid, tx, i, refsbits, ref)
  return inputs !== outputs + txfee ? 'mismatched inputs != outputs + txfee' : null
}

/** The 'U' case of RewardsValidate. */
function unlockRejectReason(tx: Tx, vctx: ValidationContext, terms: RewardsPlanTerms, fundingtxid: string): string | null {
  const L = vctx.chain.ledger
  const lockTxid = hashToHex(tx.vin[0].prevHash)
  if (fundingtxid === lockTxid) return 'cant unlock fundingtxid'
  const vinTx = L.txs.get(lockTxid)?.tx
  if (!vinTx) return 'always should find vin.0, but didnt'
  const l = opretOf(lockTxid, vinTx)
  if (!l || l.funcid !== FUNCID.lock) return 'can only unlock locktxid'
  if (fundingtxid !== l.fundingtxid) return 'mismatched vinfundingtxid'
  for (let i = 0; i < tx.vin.length; i++) if (!isRewardsInput(tx, i)) return 'unexpected normal vin for unlock'
  const valueIn = vctx.spent.reduce((s, c) => s + (c?.value ?? 0), 0)
  if (valueIn - tx.vout.reduce((s, o) => s + o.value, 0) > CC_TXFEE) return 'txfee is too high'
  const amount = vinTx.vout[0].value
  const reward = Number(rewardsCalc(BigInt(amount), ccDuration(L, lockTxid), terms, L.tip.time))
  if (reward === 0) return 'no eligible rewards'
  const [v0, v1, v2] = tx.vout
  const same = (a?: TxOut, b?: TxOut) => !!a && !!b && bytesEqual(a.script, b.script)
  if (tx.vin.length === 1 && !isCCScript(v0.script)) {
    if (v1?.value !== 10_000) return 'wrong marker vout value'
    if (!same(v1, v0)) return 'unlock recover tx vout.1 mismatched scriptPubKey'
    if (!same(v0, vinTx.vout[1])) return 'unlock recover tx vout.0 mismatched scriptPubKey'
    if (v0.value > vinTx.vout[0].value) return 'unlock recover tx vout.0 mismatched amounts'
    if ((v2?.value ?? 0) > 0) return 'unlock recover tx vout.1 nonz amount'
    return null
  }
  if (!isCCScript(vinTx.vout[0].script)) return 'unlock tx vout.0 is normal output'
  if (tx.vout.length !== 3) return 'unlock tx wrong number of vouts'
  if (!isCCScript(v0.script)) return 'unlock tx vout.0 is normal output'
  if (isCCScript(v1.script)) return 'unlock tx vout.1 is CC output'
  if (!same(v1, vinTx.vout[1])) return 'unlock tx vout.1 mismatched scriptPubKey'
  const exact = exactAmountsReason(tx, vctx, CC_TXFEE + v1.value, terms.sbits, fundingtxid)
  if (exact) return exact
  if (v1.value > amount + reward) return 'unlock tx vout.1 isnt amount+reward'
  if (v2.value > 0) return 'unlock tx vout.2 isnt 0'
  // PreventCC from vout.1 on.
  for (let i = 1; i < tx.vout.length; i++) if (isCCScript(tx.vout[i].script)) return 'invalid CC vout'
  return null
}

/** Why komodod's RewardsValidate refuses a transaction that spends a Rewards CC output, or null. */
export function rewardsRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  if (tx.vout.length < 1) return 'no vouts'
  const o = opretOf(vctx.txid, tx)
  if (!o) return 'unexpected rewards missing funcid'
  const fundingTx = vctx.chain.ledger.txs.get(o.fundingtxid)?.tx
  if (!fundingTx) return 'cant find fundingtxid'
  // komodod reads the plan's terms into the same sbits it compares the pool's outputs with.
  const terms = fundingTx.vout.length > 0 ? termsOf(fundingTx) : null
  if (!terms) return 'fundingTx not valid'
  if (terms.APR > REWARDSCC_MAXAPR) return 'excessive APR'
  switch (o.funcid) {
    case FUNCID.fund: return 'unexpected RewardsValidate for createfunding'
    case FUNCID.add: return 'unexpected RewardsValidate for addfunding'
    case FUNCID.lock: return 'unexpected RewardsValidate for lock'
    default: return unlockRejectReason(tx, vctx, terms, o.fundingtxid)
  }
}

export const rules: CcModule = {
  evalCode: REWARDS_EVAL,
  name: REWARDS_NAME,
  category: 'rewards',
  rpc: {
    rewardsaddress: (ctx, p) => ccAddressReply(ctx, REWARDS, p, 'plain'),
    rewardslist, rewardsinfo, rewardscreatefunding, rewardsaddfunding, rewardslock, rewardsunlock,
  },
  usage: REWARDS_USAGE,
  validate(tx, vctx) {
    if (inputsWithEval(tx, vctx.spent, REWARDS_EVAL).length === 0) return null
    const reason = rewardsRejectReason(tx, vctx)
    if (reason) recordReject({ txid: vctx.txid, module: REWARDS_NAME, reason })
    // komodod answers a failed eval as a script failure; the reason only reaches its log.
    return reason ? SCRIPT_FALSE : null
  },
  verifySpend: (tx, i, coin) => verifySpendFor(REWARDS_EVAL, tx, i, coin),
}
