/**
 * Heir CC module (eval 0xea), engine half, after komodod's src/cc/heir.cpp, src/cc/heir_validate.h
 * and the RPC wrappers in src/wallet/rpcwallet.cpp. A plan locks coins (or tokens) in a 1-of-2 CC
 * output of owner and heir. The owner may spend at any time; the heir only once the chain's clock
 * has run more than the plan's inactivity time since the owner's latest transaction in the plan
 * (CCduration: tip time minus that transaction's block time).
 *
 * What counts as "the owner's latest transaction" is komodod's FindLatestFundingTx, kept as it is:
 *  - it looks only at unspent outputs of the plan at the *coins* 1-of-2 address, confirmed;
 *  - it keeps a transaction only when a CC input of it is signed by the owner and none by anyone
 *    else (CheckVinPubkey reads signers from fulfillments; a normal input names nobody).
 * So an owner's heirclaim that leaves change in the plan resets the clock; a coin heiradd (normal
 * inputs only) does not; a token plan's clock always runs from its heirfund (its outputs sit at the
 * tokens 1-of-2 address, which FindLatestFundingTx does not read).
 */
import type { CcContext, CcModule, ValidationContext } from '../../devchain/modules.ts'
import { outpointKey, type Coin, type LedgerView as Ledger } from '../../devchain/chain/view.ts'
import type { Tx, TxOut } from '../../devchain/tx/transaction.ts'
import { hashToHex } from '../../devchain/crypto/hash.ts'
import { p2pk } from '../../devchain/tx/script.ts'
import { ccAddressOfScript, ccScript, isCCScript, makeCCcond1, makeCCcond1of2, makeTokensCCcond1of2, EVAL_TOKENS, type Condition } from '../../devchain/cc/condition.ts'
import { bytesEqual, bytesToHex, hexToBytes, pubkeyAddress } from '../../devchain/cc/hashes.ts'
import { ccAddressReply } from '../../devchain/cc/address-reply.ts'
import {
  atoll, CC_TXFEE, ccDuration, ccUnspents, checkCount, ensureCC, finalizeCCTx, normalInputs, parseTxidParam, requireString, softError, spentInMempool,
} from '../../devchain/cc/cc-rpc.ts'
import { notString, parseFixedPoint8 } from '../../devchain/rpc/params.ts'
import { evalCodesOfScriptSig, signersOfScriptSig, verifySpendFor } from '../../devchain/cc/spend.ts'
import { SCRIPT_FALSE } from '../../devchain/chain/errors.ts'
import { recordReject } from '../../devchain/cc/rejects.ts'
import { compactSize, concatBytes, opReturnPayload, opReturnScript, sizedBytes } from '../../protocol/opret.ts'
import { decodeTokenTransfer, encodeTokenTransfer } from '../tokens/spec.ts'
import { tokenOfOutput } from '../tokens/rules.ts'
import { addTokenInputs, indexOrder, nftEvalOf, tokensCond } from '../tokens/inputs.ts'
import {
  decodeHeirPayload, encodeHeirPlan, encodeHeirRef, heir as HEIR, HEIR_FUNCID, OPRETID_HEIRDATA, type HeirPayload, type HeirPlanData,
} from './spec.ts'

const EVAL_HEIR = HEIR.evalCode
const HEIR_PK = hexToBytes(HEIR.globalPubkey)
/** The plan marker: a CC output to the global Heir key, which heirlist reads (HeirValidate forbids spending it). */
const MARKER_SCRIPT = ccScript(makeCCcond1(EVAL_HEIR, HEIR_PK))
const MARKER_FEE = 10_000
const ZERO_TXID = '0'.repeat(64)

// ── coins or tokens (CoinHelper / TokenHelper in heir_validate.h) ───────────────────────────────

interface Helper {
  tokens: boolean
  /** make1of2Vout's condition: the plan's funds. */
  fundCondition(owner: Uint8Array, heir: Uint8Array): Condition
  /** makeUserVout: what a claim pays the claimer, and a token plan's change. */
  userScript(pk: Uint8Array): Uint8Array
}

const COINS: Helper = {
  tokens: false,
  fundCondition: (o, h) => makeCCcond1of2(EVAL_HEIR, o, h),
  userScript: p2pk,
}
const TOKENS: Helper = {
  tokens: true,
  fundCondition: (o, h) => makeTokensCCcond1of2(EVAL_HEIR, o, h),
  userScript: (pk) => ccScript(makeCCcond1(EVAL_TOKENS, pk)),
}
const helperOf = (tokenid: string | null): Helper => (tokenid ? TOKENS : COINS)
const fundScript = (h: Helper, owner: Uint8Array, heir: Uint8Array): Uint8Array => ccScript(h.fundCondition(owner, heir))
export const fundAddress = (h: 'coins' | 'tokens', owner: Uint8Array, heir: Uint8Array): string =>
  ccAddressOfScript(fundScript(h === 'tokens' ? TOKENS : COINS, owner, heir))

/** A token plan's OP_RETURN payload: the Tokens transfer (owner and heir as its vout pubkeys) carrying the Heir one under id 0x15. */
export function encodeTokenPlanPayload(tokenid: string, owner: Uint8Array, heir: Uint8Array, heirPayload: Uint8Array): Uint8Array {
  return concatBytes(encodeTokenTransfer({ tokenid, destPubkeys: [owner, heir] }), Uint8Array.of(OPRETID_HEIRDATA), sizedBytes(heirPayload))
}

/**
 * _DecodeHeirEitherOpRet: a Tokens payload whose blob is tagged OPRETID_HEIRDATA, else a bare Heir
 * payload; tokenid null for coins. (Heir writes one blob, so it is the one the Tokens decoder finds.)
 */
export function decodeHeirEither(payload: Uint8Array): { tokenid: string | null; heir: HeirPayload } | null {
  const wrapped = decodeTokenTransfer(payload)
  if (wrapped?.extra) {
    const idAt = payload.length - wrapped.extra.length - compactSize(wrapped.extra.length).length - 1
    const heir = payload[idAt] === OPRETID_HEIRDATA ? decodeHeirPayload(wrapped.extra) : null
    return heir && { tokenid: wrapped.tokenid, heir }
  }
  const heir = decodeHeirPayload(payload)
  return heir && { tokenid: null, heir }
}

// ── reading transactions (myGetTransaction sees the mempool too) ────────────────────────────────

function lastPayload(tx: Tx): Uint8Array | null {
  return tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null
}

/** DecodeHeirEitherOpRet of a transaction's last output. */
function heirOpretOf(tx: Tx): { tokenid: string | null; heir: HeirPayload } | null {
  const payload = lastPayload(tx)
  return payload && decodeHeirEither(payload)
}

/** The fundingtxid an 'A' or 'C' names; zero for 'F' (its opret names none). */
const fundingRefOf = (d: HeirPayload): string => (d.funcId === HEIR_FUNCID.FUND ? ZERO_TXID : d.fundingtxid)

/** check_signing_pubkey: the first secp256k1 key of a CC input's fulfillment; none for a normal input. */
const signingPubkey = (scriptSig: Uint8Array): Uint8Array | undefined => signersOfScriptSig(scriptSig)[0]

/** CheckVinPubkey: whether any input is signed by `pk`, and whether any by another key. */
function checkVinPubkey(tx: Tx, pk: Uint8Array): { has: boolean; hasOther: boolean } {
  let has = false
  let hasOther = false
  for (const vin of tx.vin) {
    const signer = signingPubkey(vin.script)
    if (!signer) continue
    if (bytesEqual(signer, pk)) has = true
    else hasOther = true
  }
  return { has, hasOther }
}

export interface Plan extends HeirPlanData {
  fundingtxid: string
  /** null for a coin plan. */
  tokenid: string | null
  /** The owner's latest transaction in the plan (the fundingtxid when there is none newer). */
  latesttxid: string
  heirSpendingBegun: number
}

/** _FindLatestFundingTx; null where komodod answers zeroid. */
export function findPlan(L: Ledger, fundingtxid: string): Plan | null {
  const rec = L.txs.get(fundingtxid)
  if (!rec || rec.tx.vout.length === 0) return null
  const first = heirOpretOf(rec.tx)
  // Devchain deviation: komodod goes on with empty keys when the txid is an 'A' or 'C'; no plan here.
  if (!first || first.heir.funcId !== HEIR_FUNCID.FUND) return null
  const plan: Plan = {
    ...first.heir, fundingtxid, tokenid: first.tokenid, latesttxid: fundingtxid, heirSpendingBegun: 0,
  }
  // komodod's "TODO: correct cc addr": the coins 1-of-2 address, for token plans too.
  let maxHeight = 0
  for (const c of ccUnspents(L, fundAddress('coins', plan.ownerPubkey, plan.heirPubkey)).sort(indexOrder)) {
    const tx = L.txs.get(c.txid)?.tx
    const d = tx && heirOpretOf(tx)
    if (!tx || !d || fundingRefOf(d.heir) !== fundingtxid || (plan.tokenid !== null && plan.tokenid !== d.tokenid)) continue
    if (c.height <= maxHeight) continue
    // Donations (inputs signed by someone else) do not count as the owner's activity.
    const v = checkVinPubkey(tx, plan.ownerPubkey)
    if (v.has && !v.hasOther) {
      plan.heirSpendingBegun = d.heir.funcId === HEIR_FUNCID.FUND ? 0 : d.heir.heirSpendingBegun
      maxHeight = c.height
      plan.latesttxid = c.txid
    }
  }
  return plan
}

/**
 * Whether the heir may spend: once heir spending has begun, or when the owner's latest plan
 * transaction is more than the inactivity time old (strictly, as heirclaim and CHeirSpendValidator
 * compare). `duration` is what heirinfo prints as InactivityTime (0 once spending has begun).
 */
function heirTurn(L: Ledger, plan: Plan): { duration: number; allowed: boolean } {
  const duration = plan.heirSpendingBegun ? 0 : ccDuration(L, plan.latesttxid)
  return { duration, allowed: plan.heirSpendingBegun !== 0 || duration > Number(plan.inactivityTime) }
}

/** Whether an output of the plan's transactions may be spent as plan funds (Add1of2AddressInputs' test). */
function isPlanOutput(L: Ledger, plan: Plan, c: Coin): boolean {
  const tx = L.txs.get(c.txid)?.tx
  const d = tx && heirOpretOf(tx)
  if (!d || (c.txid !== plan.fundingtxid && fundingRefOf(d.heir) !== plan.fundingtxid)) return false
  if (plan.tokenid && tokenOfOutput(L, c.txid, c.vout) !== d.tokenid) return false
  return !spentInMempool(L, c)
}

/** Add1of2AddressInputs: confirmed plan outputs at its 1-of-2 address until `total` (0: all) or `maxinputs`. */
function planInputs(L: Ledger, plan: Plan, total: number, maxinputs = 60): { coins: Coin[]; sum: number } {
  const h = helperOf(plan.tokenid)
  const coins: Coin[] = []
  let sum = 0
  for (const c of ccUnspents(L, ccAddressOfScript(fundScript(h, plan.ownerPubkey, plan.heirPubkey))).sort(indexOrder)) {
    if (!isPlanOutput(L, plan, c)) continue
    coins.push(c)
    sum += c.value
    if ((total > 0 && sum >= total) || coins.length >= maxinputs) break
  }
  return { coins, sum }
}

/** LifetimeHeirContractFunds: every index entry of the plan's 'F' and 'A' transactions at its 1-of-2 address. */
function lifetimeFunds(L: Ledger, plan: Plan): number {
  const h = helperOf(plan.tokenid)
  let total = 0
  for (const e of L.ccIndex.get(ccAddressOfScript(fundScript(h, plan.ownerPubkey, plan.heirPubkey))) ?? []) {
    const tx = L.txs.get(e.txid)?.tx
    const d = tx && heirOpretOf(tx)
    if (!d || d.heir.funcId === HEIR_FUNCID.CLAIM) continue
    if (e.txid !== plan.fundingtxid && fundingRefOf(d.heir) !== plan.fundingtxid) continue
    if (plan.tokenid && tokenOfOutput(L, e.txid, 0) !== d.tokenid) continue
    if (L.mempoolSpends.has(outpointKey(e.txid, 0))) continue
    total += e.satoshis
  }
  return total
}

/** A plan transaction's OP_RETURN: bare for coins, inside the Tokens payload (owner and heir as its vout pubkeys) for tokens. */
function planOpret(plan: { tokenid: string | null; ownerPubkey: Uint8Array; heirPubkey: Uint8Array }, heirPayload: Uint8Array): Uint8Array {
  if (!plan.tokenid) return opReturnScript(heirPayload)
  return opReturnScript(encodeTokenPlanPayload(plan.tokenid, plan.ownerPubkey, plan.heirPubkey, heirPayload))
}

/** CCtxidaddr: the pubkey 02 ‖ txid (uint256 bytes); heiradd pays it a marker so the add is never archived. */
const txidPubkey = (txid: string): Uint8Array => Uint8Array.from([0x02, ...hexToBytes(txid).reverse()])

/** TokenHelper::addOwnerInputs (AddTokenCCInputs) with the condition FinalizeCCTx signs them with. */
function ownerTokenInputs(L: Ledger, tokenid: string, pk: Uint8Array, priv: Uint8Array, total: number) {
  const picked = addTokenInputs(L, tokenid, pk, total, 64)
  const condition = tokensCond(nftEvalOf(L, tokenid) || EVAL_TOKENS, 0, pk)
  return { sum: picked.sum, cc: picked.coins.map((coin) => ({ coin, condition, priv })) }
}

// ── RPCs ──────────────────────────────────────────────────────────────────────────────────────

const FUND_USAGE = 'heirfund funds heirname heirpubkey inactivitytime memo [tokenid]'

function heiraddress(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 1, 'heiraddress pubkey')
  ensureCC(ctx)
  // komodod reads params[0] unconditionally: with none, UniValue's null is "not a string".
  if (p.length === 0) throw notString()
  return ccAddressReply(ctx, HEIR, p, 'plain')
}

function heirfund(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 5, 6, FUND_USAGE)
  const { pubkey: mypk, priv } = ensureCC(ctx)
  const withToken = p.length === 6
  // Tokens in units (atoll), coins through ParseFixedPoint (src/wallet/rpcwallet.cpp heirfund).
  const amount = withToken ? atoll(requireString(p, 0)) : (parseFixedPoint8(requireString(p, 0)) ?? -1)
  if (amount <= 0) return softError('incorrect amount')
  const heirName = requireString(p, 1)
  const heirHex = requireString(p, 2)
  const heirPubkey = /^0[23][0-9a-fA-F]{64}$/.test(heirHex) ? hexToBytes(heirHex) : null
  if (!heirPubkey) return softError('incorrect pubkey')
  const inactivityTime = atoll(requireString(p, 3))
  if (inactivityTime <= 0) return softError('incorrect inactivity time')
  const memo = requireString(p, 4)
  let tokenid: string | null = null
  if (withToken) {
    tokenid = parseTxidParam(requireString(p, 5))
    if (!tokenid) return softError('incorrect tokenid')
  }
  const L = ctx.chain.ledger
  const h = helperOf(tokenid)
  const plan = { tokenid, ownerPubkey: mypk, heirPubkey }
  const payload = encodeHeirPlan({ ownerPubkey: mypk, heirPubkey, inactivityTime: BigInt(inactivityTime), heirName, memo })
  if (!tokenid) {
    const normal = normalInputs(ctx.wallet, amount + CC_TXFEE + MARKER_FEE)
    if (!normal) return softError('could not find owner inputs')
    const { hex } = finalizeCCTx({
      wallet: ctx.wallet, mypk, normal, cc: [],
      outputs: [{ value: amount, script: fundScript(h, mypk, heirPubkey) }, { value: MARKER_FEE, script: MARKER_SCRIPT }],
      opret: planOpret(plan, payload),
    })
    return { result: 'success', hex }
  }
  const normal = normalInputs(ctx.wallet, CC_TXFEE + MARKER_FEE)
  if (!normal) return softError('could not find normal inputs for txfee')
  const picked = ownerTokenInputs(L, tokenid, mypk, priv, amount)
  if (picked.sum < amount) return softError('could not find owner inputs')
  const outputs: TxOut[] = [{ value: amount, script: fundScript(h, mypk, heirPubkey) }, { value: MARKER_FEE, script: MARKER_SCRIPT }]
  if (picked.sum > amount) outputs.push({ value: picked.sum - amount, script: h.userScript(mypk) })
  const { hex } = finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc: picked.cc, outputs, opret: planOpret(plan, payload) })
  return { result: 'success', hex }
}

/** The fundingtxid parameter and its plan, or komodod's soft error (HeirAddCaller, HeirClaimCaller). */
function planParam(ctx: CcContext, p: unknown[]): { plan: Plan; amount: number } | { error: unknown } {
  const strAmount = requireString(p, 0)
  const id = parseTxidParam(requireString(p, 1))
  const plan = id ? findPlan(ctx.chain.ledger, id) : null
  if (!plan) return { error: softError('can\'t find any heir CC funding transactions') }
  const amount = plan.tokenid ? atoll(strAmount) : (parseFixedPoint8(strAmount) ?? 0)
  if (amount <= 0) return { error: softError('invalid amount') }
  return { plan, amount }
}

function heiradd(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, 'heiradd funds fundingtxid')
  const { pubkey: mypk, priv } = ensureCC(ctx)
  const got = planParam(ctx, p)
  if ('error' in got) return got.error
  const { plan, amount } = got
  if (!bytesEqual(mypk, plan.ownerPubkey)) return softError('adding funds is only allowed for the owner of this contract')
  const h = helperOf(plan.tokenid)
  const outputs: TxOut[] = [
    { value: amount, script: fundScript(h, plan.ownerPubkey, plan.heirPubkey) },
    { value: MARKER_FEE, script: p2pk(txidPubkey(plan.fundingtxid)) },
  ]
  const opret = planOpret(plan, encodeHeirRef(HEIR_FUNCID.ADD, { fundingtxid: plan.fundingtxid, heirSpendingBegun: plan.heirSpendingBegun }))
  if (!plan.tokenid) {
    const normal = normalInputs(ctx.wallet, amount + CC_TXFEE + MARKER_FEE)
    if (!normal) return softError('can\'t find owner inputs')
    return { result: 'success', hex: finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc: [], outputs, opret }).hex }
  }
  const normal = normalInputs(ctx.wallet, CC_TXFEE + MARKER_FEE)
  if (!normal) return softError('could not find normal inputs for txfee')
  const picked = ownerTokenInputs(ctx.chain.ledger, plan.tokenid, mypk, priv, amount)
  if (picked.sum < amount) return softError('can\'t find owner inputs')
  if (picked.sum > amount) outputs.push({ value: picked.sum - amount, script: h.userScript(mypk) })
  return { result: 'success', hex: finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc: picked.cc, outputs, opret }).hex }
}

function heirclaim(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, 'heirclaim funds fundingtxid')
  const { pubkey: mypk, priv } = ensureCC(ctx)
  const got = planParam(ctx, p)
  if ('error' in got) return got.error
  const { plan, amount } = got
  const L = ctx.chain.ledger
  if (bytesEqual(mypk, plan.heirPubkey) && !heirTurn(L, plan).allowed) return softError('spending is not allowed yet for the heir')
  const normal = normalInputs(ctx.wallet, CC_TXFEE)
  if (!normal) return softError('can\'t find sufficient user inputs to pay transaction fee')
  const funds = planInputs(L, plan, amount, 60)
  if (funds.sum < amount || funds.coins.length === 0) return softError('can\'t find heir CC funding')
  // FinalizeCCTx signs the 1-of-2 inputs with the caller's key: only the owner or the heir can.
  if (!bytesEqual(mypk, plan.ownerPubkey) && !bytesEqual(mypk, plan.heirPubkey)) return softError('sign error')
  const h = helperOf(plan.tokenid)
  const outputs: TxOut[] = [{ value: amount, script: h.userScript(mypk) }]
  if (funds.sum > amount) outputs.push({ value: funds.sum - amount, script: fundScript(h, plan.ownerPubkey, plan.heirPubkey) })
  const begun = bytesEqual(mypk, plan.heirPubkey) ? 1 : plan.heirSpendingBegun
  const condition = h.fundCondition(plan.ownerPubkey, plan.heirPubkey)
  const { hex } = finalizeCCTx({
    wallet: ctx.wallet, mypk, normal, cc: funds.coins.map((coin) => ({ coin, condition, priv })), outputs,
    opret: planOpret(plan, encodeHeirRef(HEIR_FUNCID.CLAIM, { fundingtxid: plan.fundingtxid, heirSpendingBegun: begun })),
  })
  return { result: 'success', hex }
}

function heirinfo(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 1, 1, 'heirinfo fundingtxid')
  ensureCC(ctx)
  const L = ctx.chain.ledger
  const id = parseTxidParam(requireString(p, 0)) ?? ZERO_TXID
  const rec = L.txs.get(id)
  if (!rec || rec.tx.vout.length === 0) return softError('could not find heir cc plan for this txid (no initial tx)')
  const plan = findPlan(L, id)
  if (!plan) return softError('could not find heir cc plan for this txid')
  const coins = (sats: number): string => (sats / 1e8).toFixed(8)
  const units = (n: number): string => (plan.tokenid ? String(n) : coins(n))
  const out: Record<string, unknown> = { fundingtxid: id, name: plan.heirName }
  if (plan.tokenid) out.tokenid = plan.tokenid
  out.owner = bytesToHex(plan.ownerPubkey)
  out.heir = bytesToHex(plan.heirPubkey)
  out.type = plan.tokenid ? 'tokens' : 'coins'
  out.lifetime = units(lifetimeFunds(L, plan))
  out.available = units(planInputs(L, plan, 0, 60).sum)
  if (plan.tokenid) out.OwnerRemainderTokens = String(addTokenInputs(L, plan.tokenid, plan.ownerPubkey, 0, 64).sum)
  out.InactivityTimeSetting = String(plan.inactivityTime)
  const { duration, allowed } = heirTurn(L, plan)
  out.IsHeirSpendingAllowed = String(allowed)
  if (!allowed) out.InactivityTime = String(duration)
  out.memo = plan.memo
  out.result = 'success'
  return out
}

function heirlist(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 0, 'heirlist')
  ensureCC(ctx)
  const L = ctx.chain.ledger
  // _HeirList: the markers at the global Heir address, each from a plan's 'F' transaction.
  return ccUnspents(L, HEIR.globalAddress).sort(indexOrder).flatMap((c) => {
    const tx = L.txs.get(c.txid)?.tx
    const d = tx && heirOpretOf(tx)
    return d && d.heir.funcId === HEIR_FUNCID.FUND ? [c.txid] : []
  })
}

// ── consensus (HeirValidate and RunValidationPlans) ────────────────────────────────────────────

/** The fund-address check of a spent output (CCC1of2AddressValidator with "checking this tx opreturn:"). */
function fundAddressIssue(h: Helper, plan: Plan, script: Uint8Array): string | null {
  const prefix = 'checking this tx opreturn:'
  if (!isCCScript(script)) return `${prefix} incorrect heir funding address: not a 1of2addr`
  if (ccAddressOfScript(script) !== ccAddressOfScript(fundScript(h, plan.ownerPubkey, plan.heirPubkey))) {
    return `${prefix} incorrect heir funding address: incorrect pubkey(s)`
  }
  return null
}

/**
 * RunValidationPlans for an 'A' of a token plan or any 'C' (heir_validate.h): vin.0+ normal, then
 * vin.1+ CC inputs, none of them an 'F' marker, each spending plan funds ('C') or the owner's or
 * heir's own tokens ('A'); vout.0 to the plan ('A'), or to the heir only once the heir may spend
 * ('C'); the OP_RETURN a Heir one with the plan's token. The messages are komodod's; they reach
 * its debug.log only.
 */
function planIssue(L: Ledger, tx: Tx, funcId: number, h: Helper, plan: Plan, spent: readonly Coin[]): string | null {
  const isCC = (i: number) => evalCodesOfScriptSig(tx.vin[i].script).length > 0
  const rows: Array<{ name: string; cc: boolean }> = [{ name: 'normal input', cc: false }, { name: 'CC input', cc: true }]
  let i = 0
  for (const row of rows) {
    if (i >= tx.vin.length) return 'incorrect tx structure: not all required vins are present.'
    const start = i
    for (; i < tx.vin.length && isCC(i) === row.cc; i++) {
      const prevTx = L.txs.get(hashToHex(tx.vin[i].prevHash))?.tx
      if (!prevTx) return `can't find vinTx for vin=${i}.`
      if (!row.cc) continue
      if (heirOpretOf(prevTx)?.heir.funcId === HEIR_FUNCID.FUND && tx.vin[i].prevIndex === 1) return `invalid tx vin[${i}]:spending marker not allowed`
      const prev = spent[i].script
      const issue = funcId === HEIR_FUNCID.CLAIM
        ? fundAddressIssue(h, plan, prev)
        : (bytesEqual(prev, TOKENS.userScript(plan.ownerPubkey)) || bytesEqual(prev, TOKENS.userScript(plan.heirPubkey)) ? null : 'invalid pubkey')
      if (issue) return `invalid tx vin[${i}]:${issue}`
    }
    if (i === start) return `can't find required vins for ${row.name}.`
  }
  const vout0 = tx.vout[0].script
  if (funcId === HEIR_FUNCID.ADD) {
    const issue = fundAddressIssue(h, plan, vout0)
    if (issue) return `invalid tx vout[0]:${issue}`
  } else if (bytesEqual(vout0, h.userScript(plan.heirPubkey)) && !heirTurn(L, plan).allowed) {
    return 'invalid tx vout[0]:heir is not allowed yet to spend funds'
  }
  const last = tx.vout.length - 1
  const mine = heirOpretOf(tx)
  if (!mine) return `invalid tx vout[${last}]:invalid opreturn format`
  if (h.tokens && mine.tokenid !== plan.tokenid) return `invalid tx vout[${last}]:invalid tokenid in opret`
  return null
}

export function heirRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  const L = vctx.chain.ledger
  if (tx.vout.length < 1) return 'no vouts'
  const mine = heirOpretOf(tx)
  if (!mine) return 'invalid opreturn format'
  if (mine.heir.funcId === HEIR_FUNCID.FUND) return 'unexpected HeirValidate for heirfund'
  const fundingtxid = fundingRefOf(mine.heir)
  if (fundingtxid === ZERO_TXID) return 'incorrect tx opreturn: no fundingtxid present'
  const plan = findPlan(L, fundingtxid)
  if (plan?.tokenid && plan.tokenid !== mine.tokenid) return 'incorrect tx tokenid'
  if (!plan) return 'no fundingtx found'
  // komodod's own adds spend no Heir output, so this runs only for hand-built ones.
  if (mine.heir.funcId === HEIR_FUNCID.ADD && !plan.tokenid) return 'unexpected HeirValidate for heiradd'
  return planIssue(L, tx, mine.heir.funcId, helperOf(plan.tokenid), plan, vctx.spent)
}

export const rules: CcModule = {
  evalCode: EVAL_HEIR,
  name: 'Heir',
  category: 'heir',
  rpc: { heiraddress, heirfund, heiradd, heirclaim, heirinfo, heirlist },
  usage: {
    heiraddress: 'heiraddress pubkey', heirfund: FUND_USAGE, heiradd: 'heiradd funds fundingtxid', heirclaim: 'heirclaim funds fundingtxid',
    heirinfo: 'heirinfo fundingtxid', heirlist: 'heirlist',
  },
  validate(tx, vctx) {
    if (!tx.vin.some((vin, i) => vctx.spent[i]?.cc && evalCodesOfScriptSig(vin.script).includes(EVAL_HEIR))) return null
    const reason = heirRejectReason(tx, vctx)
    if (reason) recordReject({ txid: vctx.txid, module: 'Heir', reason })
    return reason ? SCRIPT_FALSE : null
  },
  verifySpend: (tx, i, coin) => verifySpendFor(EVAL_HEIR, tx, i, coin),
}

/** The normal address of a plan's heiradd marker (for the journey's explanations and tests). */
export const addMarkerAddress = (fundingtxid: string): string => pubkeyAddress(txidPubkey(fundingtxid))
