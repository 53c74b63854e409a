/**
 * Tokens CC module (eval 0xf2), engine half, after komodod's src/cc/CCtokens.cpp and reference §5: 1 token =
 * 1 satoshi locked in a CC output; creation marks the global Tokens address and pays the supply to
 * the creator's Tokens CC address; transfers move token outputs between pubkeys' Tokens addresses.
 */
import type { CcContext, CcModule, ValidationContext } from '../../devchain/modules.ts'
import type { Coin, LedgerView as Ledger, TxRecord } from '../../devchain/chain/view.ts'
import { classifyScript, p2pk, p2pkh } from '../../devchain/tx/script.ts'
import { hash160, hashToHex } from '../../devchain/crypto/hash.ts'
import type { Tx } from '../../devchain/tx/transaction.ts'
import { ccAddress, ccAddressOfScript, ccScript, makeCCcond1, makeTokensCCcond1, makeTokensCond } from '../../devchain/cc/condition.ts'
import { bytesEqual, bytesToHex, hexToBytes } from '../../devchain/cc/hashes.ts'
import { opReturnPayload, opReturnScript } from '../../protocol/opret.ts'
import {
  decodeTokenCreate, decodeTokenTransfer, encodeTokenCreate, encodeTokenTransfer, tokensFuncId,
  TOKENS_FUNCID_CREATE, TOKENS_FUNCID_TRANSFER, type TokenCreateOpret, type TokenTransferOpret, tokens as TOKENS,
} from './spec.ts'
import { ccAddressReply } from '../../devchain/cc/address-reply.ts'
import {
  CC_TXFEE, ccUnspents, checkCount, coinsToSats, ensureCC, finalizeCCTx, isPubkeyCoin, normalInputs, parsePubkeyParam, parseTxidParam,
  requireString, softError, spentInMempool, atoll,
} from '../../devchain/cc/cc-rpc.ts'
import { evalCodesOfScriptSig, inputsWithEval, signersOfScriptSig, verifySpendFor } from '../../devchain/cc/spend.ts'
import { SCRIPT_FALSE } from '../../devchain/chain/errors.ts'
import { recordReject } from '../../devchain/cc/rejects.ts'

const EVAL_TOKENS = TOKENS.evalCode
const TOKENS_PK = hexToBytes(TOKENS.globalPubkey)
const MARKER_SCRIPT = ccScript(makeCCcond1(EVAL_TOKENS, TOKENS_PK))
export const TOKENS_CC_ADDRESS = ccAddress(EVAL_TOKENS, TOKENS_PK)
/** komodod's IGUANA_MAXSCRIPTSIZE, the NFT data limit. */
const MAX_NFT_DATA = 10001
const MAX_TOKEN_VINS = 60
const utf8Length = (s: string): number => new TextEncoder().encode(s).length

export interface TokenInfo extends TokenCreateOpret {
  tokenid: string
  rec: TxRecord
}

/** The creation of `tokenid` (confirmed or in the mempool), or null. */
export function tokenCreation(L: Ledger, tokenid: string): TokenInfo | null {
  const rec = L.txs.get(tokenid)
  if (!rec || rec.tx.vout.length === 0) return null
  const payload = opReturnPayload(rec.tx.vout[rec.tx.vout.length - 1].script)
  const c = payload && decodeTokenCreate(payload)
  return c ? { ...c, tokenid, rec } : null
}

/** Eval code of a token's outputs: the NFT data's first byte when there is data (MakeTokensCC1vout). */
const destEvalOf = (t: TokenCreateOpret): number => (t.nftData && t.nftData.length > 0 ? t.nftData[0] : EVAL_TOKENS)

export const tokenScriptFor = (t: TokenCreateOpret, pubkey: Uint8Array): Uint8Array => ccScript(makeTokensCCcond1(destEvalOf(t), pubkey))

/**
 * The tokenid an output carries, or null when it is not a token output (CheckTokensvout in
 * src/cc/CCtokens_impl.h). komodod runs TokensValidate only on transactions that spend token
 * inputs, so it accepts anything else that merely looks like a token; what keeps such outputs from
 * counting is this check, made wherever tokens are counted:
 *  - a creation's outputs count only when the creator's own coins paid for them;
 *  - a transfer's outputs count only when it spends a Tokens input (so TokensValidate ran on it),
 *    and only in the shapes its opret's pubkeys and its signers allow.
 */
export function tokenOfOutput(L: Ledger, txid: string, n: number): string | null {
  const rec = L.txs.get(txid)
  const out = rec?.tx.vout[n]
  if (!rec || !out || classifyScript(out.script).type !== 'cryptocondition') return null
  const payload = opReturnPayload(rec.tx.vout[rec.tx.vout.length - 1].script)
  if (!payload) return null
  const f = tokensFuncId(payload)
  if (f === TOKENS_FUNCID_CREATE) {
    const c = decodeTokenCreate(payload)
    // Only the supply paid to the creator counts: never the marker at the global address.
    if (!c || !bytesEqual(out.script, tokenScriptFor(c, c.creatorPubkey))) return null
    return creatorPaid(L, rec.tx, c) ? txid : null
  }
  if (f === TOKENS_FUNCID_TRANSFER) {
    const t = decodeTokenTransfer(payload)
    if (!t || !rec.tx.vin.some((v) => hasTokensEval(v.script))) return null
    const token = tokenCreation(L, t.tokenid)
    return token && transferScripts(token, rec.tx, t).has(bytesToHex(out.script)) ? t.tokenid : null
  }
  return null
}

/** ismyvin: the input's fulfillment names the Tokens eval code. */
const hasTokensEval = (scriptSig: Uint8Array): boolean => evalCodesOfScriptSig(scriptSig).includes(EVAL_TOKENS)

/** TotalPubkeyNormalInputs ≥ the creator's token outputs: nobody can mint in another pubkey's name. */
function creatorPaid(L: Ledger, tx: Tx, c: TokenCreateOpret): boolean {
  const mine = [bytesToHex(p2pk(c.creatorPubkey)), bytesToHex(p2pkh(hash160(c.creatorPubkey)))]
  let paid = 0
  for (const input of tx.vin) {
    if (evalCodesOfScriptSig(input.script).length > 0) continue // IsCCInput
    const prev = L.txs.get(hashToHex(input.prevHash))?.tx.vout[input.prevIndex]
    if (prev && mine.includes(bytesToHex(prev.script))) paid += prev.value
  }
  const script = bytesToHex(tokenScriptFor(c, c.creatorPubkey))
  const minted = tx.vout.reduce((sum, o) => sum + (bytesToHex(o.script) === script ? o.value : 0), 0)
  return paid >= minted
}

const scriptCache = new WeakMap<Tx, Set<string>>()

/**
 * The output scripts a transfer's tokens may sit in (CheckTokensvout's test vouts): for the opret's
 * one or two pubkeys and for the signers of its Tokens inputs, the token's eval codes — Tokens or
 * the NFT's, plus the eval code of another module's payload in the opret (Assets, Heir, Channels…).
 */
function transferScripts(token: TokenInfo, tx: Tx, t: TokenTransferOpret): Set<string> {
  const cached = scriptCache.get(tx)
  if (cached) return cached
  const nft = token.nftData && token.nftData.length > 0 ? token.nftData[0] : 0
  let e1 = nft || EVAL_TOKENS
  let e2 = t.extra && t.extra.length > 0 ? t.extra[0] : 0
  if (e1 === EVAL_TOKENS && e2 !== 0) [e1, e2] = [e2, 0]
  const out = new Set<string>()
  const add = (a: number, b: number, pks: Uint8Array[]) => out.add(bytesToHex(ccScript(makeTokensCond(a, b, pks))))
  const shapes = (pks: Uint8Array[]) => {
    add(e1, e2, pks)
    if (e2 !== 0) add(e2, e1, pks)
  }
  const dest = t.destPubkeys.filter((pk) => !bytesEqual(pk, TOKENS_PK))
  if (dest.length === 1 || dest.length === 2) {
    for (const pk of dest) {
      shapes([pk])
      if (!nft) add(EVAL_TOKENS, 0, [pk])
      add(e1, 0, [pk])
      if (e2 !== 0) add(e2, 0, [pk])
    }
    if (dest.length === 2) shapes(dest)
  }
  tx.vin.forEach((v) => {
    if (!hasTokensEval(v.script)) return
    for (const pk of signersOfScriptSig(v.script)) {
      if (bytesEqual(pk, TOKENS_PK)) continue
      shapes([pk])
      if (!nft) add(EVAL_TOKENS, 0, [pk])
    }
  })
  scriptCache.set(tx, out)
  return out
}

/** Confirmed unspent token outputs of `tokenid` held by `pubkey`, not spent in the mempool. */
function holdings(L: Ledger, token: TokenInfo, pubkey: Uint8Array): Coin[] {
  const address = ccAddressOfScript(tokenScriptFor(token, pubkey))
  return ccUnspents(L, address).filter((c) => !spentInMempool(L, c) && tokenOfOutput(L, c.txid, c.vout) === token.tokenid)
}

/** komodod's ParseHex: leading hex pairs, whitespace skipped, stops at anything else. */
function parseHexLoose(s: string): Uint8Array {
  const out: number[] = []
  const t = s.replace(/\s+/g, '')
  for (let i = 0; i + 1 < t.length && /^[0-9a-fA-F]{2}$/.test(t.slice(i, i + 2)); i += 2) out.push(parseInt(t.slice(i, i + 2), 16))
  return Uint8Array.from(out)
}

// ── RPCs ──────────────────────────────────────────────────────────────────────────────────────

function tokencreate(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 4, 'tokencreate name supply [description][data]')
  const { pubkey, priv: _priv } = ensureCC(ctx)
  const name = requireString(p, 0)
  if (utf8Length(name) === 0 || utf8Length(name) > 32) return softError('Token name must not be empty and up to 32 characters')
  const supply = coinsToSats(requireString(p, 1))
  if (supply <= 0) return softError('Token supply must be positive')
  let description = ''
  if (p.length >= 3) {
    description = requireString(p, 2)
    if (utf8Length(description) > 4096) return softError('Token description must be <= 4096 characters')
  }
  let nftData: Uint8Array | undefined
  if (p.length === 4) {
    nftData = parseHexLoose(requireString(p, 3))
    if (nftData.length > MAX_NFT_DATA) return softError(`Non-fungible data size must be <= ${MAX_NFT_DATA}`)
    if (nftData.length === 0) return softError('Non-fungible data incorrect')
  }
  // CreateToken
  if (nftData && supply !== 1) return softError('for non-fungible tokens tokensupply should be equal to 1')
  const normal = normalInputs(ctx.wallet, supply + 2 * CC_TXFEE)
  if (!normal) return softError('cant find normal inputs')
  const mine = normal.filter((c) => isPubkeyCoin(c, pubkey)).reduce((s, c) => s + c.value, 0)
  if (mine < supply) return softError('some inputs signed not with -pubkey=pk')
  const token: TokenCreateOpret = nftData ? { creatorPubkey: pubkey, name, description, nftData } : { creatorPubkey: pubkey, name, description }
  const { hex } = finalizeCCTx({
    wallet: ctx.wallet, mypk: pubkey, normal, cc: [],
    outputs: [{ value: CC_TXFEE, script: MARKER_SCRIPT }, { value: supply, script: tokenScriptFor(token, pubkey) }],
    opret: opReturnScript(encodeTokenCreate(token)),
  })
  return { result: 'success', hex }
}

function tokeninfo(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 1, 1, 'tokeninfo tokenid')
  ensureCC(ctx)
  const id = parseTxidParam(requireString(p, 0))
  const L = ctx.chain.ledger
  const rec = id ? L.txs.get(id) : undefined
  if (!id || !rec) return softError('cant find tokenid')
  if (rec.height < 0) return softError('the transaction is still in mempool')
  const t = tokenCreation(L, id)
  if (!t) return softError('tokenid isnt token creation txid')
  let supply = 0
  rec.tx.vout.forEach((o, n) => {
    if (tokenOfOutput(L, id, n) === id) supply += o.value
  })
  const out: Record<string, unknown> = {
    result: 'success', tokenid: id, owner: bytesToHex(t.creatorPubkey), name: t.name, supply, description: t.description,
  }
  if (t.nftData) out.data = bytesToHex(t.nftData)
  return out
}

function tokenlist(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 0, 'tokenlist')
  ensureCC(ctx)
  const L = ctx.chain.ledger
  const seen = new Set<string>()
  const ids: string[] = []
  // Every creation pays a marker to the global Tokens CC address; its index lists them in chain order.
  for (const e of L.ccIndex.get(TOKENS_CC_ADDRESS) ?? []) {
    if (e.spending || seen.has(e.txid)) continue
    seen.add(e.txid)
    if (tokenCreation(L, e.txid)) ids.push(e.txid)
  }
  return ids
}

function tokenbalance(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 2, 'tokenbalance tokenid [pubkey]')
  const { pubkey: mypk } = ensureCC(ctx)
  const idParam = requireString(p, 0)
  const pubkey = p.length === 2 ? parseHexLoose(requireString(p, 1)) : mypk
  const L = ctx.chain.ledger
  const id = parseTxidParam(idParam)
  const token = id ? tokenCreation(L, id) : null
  if (!token) return softError('cant find tokenid')
  const balance = holdings(L, token, pubkey).reduce((s, c) => s + c.value, 0)
  return { result: 'success', CCaddress: ccAddress(EVAL_TOKENS, pubkey), tokenid: idParam, balance }
}

function tokentransfer(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, 'tokentransfer tokenid destpubkey amount')
  const { pubkey: mypk, priv } = ensureCC(ctx)
  const id = parseTxidParam(requireString(p, 0))
  const destHex = requireString(p, 1)
  const amount = atoll(requireString(p, 2))
  if (!id) return softError('invalid tokenid')
  if (amount <= 0) return softError('amount must be positive')
  const L = ctx.chain.ledger
  const normal = normalInputs(ctx.wallet, CC_TXFEE)
  if (!normal) return softError('insufficient normal inputs for tx fee')
  const token = tokenCreation(L, id)
  const coins = token ? holdings(L, token, mypk) : []
  const picked: Coin[] = []
  let inputs = 0
  for (const c of coins) {
    if (inputs >= amount || picked.length >= MAX_TOKEN_VINS) break
    picked.push(c)
    inputs += c.value
  }
  if (!token || inputs === 0) return softError('no token inputs')
  if (inputs < amount) return softError('insufficient token inputs')
  // Devchain deviation: komodod builds an output for whatever ParseHex gives; a non-pubkey here
  // would make an unspendable, malformed condition, so it is refused instead.
  const dest = parsePubkeyParam(destHex)
  if (!dest) return softError('invalid destpubkey')
  const outputs = [{ value: amount, script: tokenScriptFor(token, dest) }]
  if (inputs > amount) outputs.push({ value: inputs - amount, script: tokenScriptFor(token, mypk) })
  const condition = makeTokensCCcond1(destEvalOf(token), mypk)
  const { hex } = finalizeCCTx({
    wallet: ctx.wallet, mypk, normal, cc: picked.map((coin) => ({ coin, condition, priv })), outputs,
    opret: opReturnScript(encodeTokenTransfer({ tokenid: id, destPubkeys: [dest] })),
  })
  return { result: 'success', hex }
}

// ── consensus (TokensValidate) ─────────────────────────────────────────────────────────────────

export function tokensRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  const L = vctx.chain.ledger
  const tokenVins = inputsWithEval(tx, vctx.spent, EVAL_TOKENS)
  const payload = tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null
  const f = payload ? tokensFuncId(payload) : null
  if (f === TOKENS_FUNCID_CREATE) return 'tokenbase tx cannot have cc vins'
  const t = f === TOKENS_FUNCID_TRANSFER && payload ? decodeTokenTransfer(payload) : null
  if (!t) return "can't decode opreturn data"
  const token = tokenCreation(L, t.tokenid)
  if (!token) return 'cant find token create txid'
  for (const pk of t.destPubkeys) if (bytesEqual(pk, TOKENS_PK)) return 'cannot send tokens to global pk'
  let inSum = 0
  for (const i of tokenVins) {
    const c = vctx.spent[i]
    if (tokenOfOutput(L, c.txid, c.vout) !== t.tokenid) return 'vin is not a token output of this tokenid'
    inSum += c.value
  }
  const scripts = transferScripts(token, tx, t)
  let outSum = 0
  for (const o of tx.vout) if (scripts.has(bytesToHex(o.script))) outSum += o.value
  if (inSum !== outSum) return 'cc inputs != cc outputs'
  return null
}

export const rules: CcModule = {
  evalCode: EVAL_TOKENS,
  name: 'Tokens',
  category: 'tokens',
  rpc: {
    tokenaddress: (ctx, p) => ccAddressReply(ctx, TOKENS, p, 'plain'),
    tokencreate, tokeninfo, tokenlist, tokenbalance, tokentransfer,
  },
  usage: {
    tokenaddress: 'tokenaddress [pubkey]', tokencreate: 'tokencreate name supply [description][data]', tokeninfo: 'tokeninfo tokenid',
    tokenlist: 'tokenlist', tokenbalance: 'tokenbalance tokenid [pubkey]', tokentransfer: 'tokentransfer tokenid destpubkey amount',
  },
  validate(tx, vctx) {
    if (inputsWithEval(tx, vctx.spent, EVAL_TOKENS).length === 0) return null
    const reason = tokensRejectReason(tx, vctx)
    if (reason) recordReject({ txid: vctx.txid, module: 'Tokens', reason })
    return reason ? SCRIPT_FALSE : null
  },
  verifySpend: (tx, i, coin) => verifySpendFor(EVAL_TOKENS, tx, i, coin),
}
