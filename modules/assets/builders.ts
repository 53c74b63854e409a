/**
 * The Assets RPCs that build transactions: tokenask, tokenbid, tokenfillask, tokenfillbid,
 * tokencancelask, tokencancelbid. Parameters, checks and reply texts follow src/wallet/rpcwallet.cpp;
 * the transactions follow CreateSell, CreateBuyOffer, FillSell, FillBuyOffer, CancelSell and
 * CancelBuyOffer in src/cc/CCassetstx.cpp, output for output. Like komodod, they return hex and
 * broadcast nothing; AssetsValidate (validate.ts) decides at sendrawtransaction.
 */
import type { CcContext } from '../../devchain/modules.ts'
import type { Coin } from '../../devchain/chain/view.ts'
import { p2pk } from '../../devchain/tx/script.ts'
import type { TxOut } from '../../devchain/tx/transaction.ts'
import { opReturnScript } from '../../protocol/opret.ts'
import {
  atof, atoll, checkCount, ensureCC, finalizeCCTx, normalInputs, parseTxidParam, requireString, softError, type CCInput,
} from '../../devchain/cc/cc-rpc.ts'
import { tokenCreation } from '../tokens/rules.ts'
import { ASSETS_TXFEE as TXFEE, encodeAssetsOpret, setAskFillamounts, setBidFillamounts, askFillPayment, totalSats, type AssetOpret } from './spec.ts'
import { ASSETS_PK, addTokenInputs, assetOpretOf, coinOf, nftEvalOf, script, signerFor } from './chain.ts'

/** FinalizeCCTx for one contract: every CC input needs a key FinalizeCCTx knows, else "" (null here). */
function finalize(ctx: CcContext, cp: 'assets' | 'tokens', nft: number, normal: Coin[], cc: Coin[], outputs: TxOut[], opret: Omit<AssetOpret, 'assetid2'>): string | null {
  const { pubkey, priv } = ensureCC(ctx)
  const inputs: CCInput[] = []
  for (const coin of cc) {
    const s = signerFor(cp, coin, pubkey, priv, nft)
    if (!s) return null
    inputs.push({ coin, condition: s.condition, priv: s.priv })
  }
  return finalizeCCTx({ wallet: ctx.wallet, mypk: pubkey, normal, cc: inputs, outputs, opret: opReturnScript(encodeAssetsOpret(opret)) }).hex
}

const success = (hex: string) => ({ result: 'success', hex })
/** tokencancelask, tokencancelbid and tokenfillask answer a zero id with this object: no "result" key (rpcwallet.cpp). */
const invalidParameter = () => ({ error: 'invalid parameter' })

// ── tokenask / CreateSell ─────────────────────────────────────────────────────────────────────

export function tokenask(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, 'tokenask numtokens tokenid price')
  const { pubkey: mypk } = ensureCC(ctx)
  const numtokens = atoll(requireString(p, 0))
  const tokenid = parseTxidParam(requireString(p, 1))
  const price = atof(requireString(p, 2))
  const askamount = totalSats(price, numtokens)
  if (!tokenid || numtokens <= 0 || price <= 0 || askamount <= 0) return softError('invalid parameter')
  const L = ctx.chain.ledger
  const normal = normalInputs(ctx.wallet, 2 * TXFEE)
  const { coins, sum } = normal ? addTokenInputs(L, tokenid, mypk, numtokens) : { coins: [], sum: 0 }
  // No fee coins, no tokens, or too few tokens: CreateSell returns "" (its CCerror is not shown by tokenask).
  if (!normal || sum === 0 || sum < numtokens) return softError('couldnt create ask')
  const nft = nftEvalOf(L, tokenid)
  const outputs: TxOut[] = [
    { value: numtokens, script: script.askTokens(nft, ASSETS_PK) },
    { value: TXFEE, script: script.assets(mypk) }, // marker: only the owner can cancel
  ]
  if (sum > numtokens) outputs.push({ value: sum - numtokens, script: script.heldTokens(nft, mypk) })
  const hex = finalize(ctx, 'tokens', nft, normal, coins, outputs, { tokenid, voutPubkeys: [ASSETS_PK], funcid: 's', price: askamount, origpubkey: mypk })
  return hex ? success(hex) : softError('couldnt create ask')
}

// ── tokenbid / CreateBuyOffer ─────────────────────────────────────────────────────────────────

export function tokenbid(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, 'tokenbid numtokens tokenid price')
  const { pubkey: mypk } = ensureCC(ctx)
  const numtokens = atoll(requireString(p, 0))
  const tokenid = parseTxidParam(requireString(p, 1))
  const price = atof(requireString(p, 2))
  const bidamount = totalSats(price, numtokens)
  if (price <= 0) return softError('price must be positive')
  if (!tokenid) return softError('invalid tokenid')
  if (bidamount <= 0) return softError('bid amount must be positive')
  const L = ctx.chain.ledger
  let hex: string | null = null
  const known = L.txs.get(tokenid)
  // CreateBuyOffer: the tokenid must be a transaction whose OP_RETURN is a token creation.
  if (numtokens >= 0 && known && tokenCreation(L, tokenid)) {
    const normal = normalInputs(ctx.wallet, bidamount + 2 * TXFEE)
    if (normal) {
      hex = finalize(ctx, 'assets', 0, normal, [], [
        { value: bidamount, script: script.assets(ASSETS_PK) },
        { value: TXFEE, script: script.assets(mypk) },
      ], { tokenid, voutPubkeys: [], funcid: 'b', price: numtokens, origpubkey: mypk })
    }
  }
  if (numtokens <= 0) return softError('price and numtokens must be positive')
  return hex ? success(hex) : softError('couldnt create bid')
}

// ── tokenfillask / FillSell ───────────────────────────────────────────────────────────────────

export function tokenfillask(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, 'tokenfillask tokenid asktxid fillunits')
  const { pubkey: mypk } = ensureCC(ctx)
  const tokenid = parseTxidParam(requireString(p, 0))
  const asktxid = parseTxidParam(requireString(p, 1))
  const fillunits = atoll(requireString(p, 2))
  if (fillunits <= 0) return softError('fillunits must be positive')
  if (!tokenid || !asktxid) return invalidParameter()
  const L = ctx.chain.ledger
  const nft = nftEvalOf(L, tokenid)
  const ask = coinOf(L, asktxid, 0)
  const order = ask && assetOpretOf(L.txs.get(asktxid)!.tx)
  // Devchain deviation: komodod builds from whatever it decodes; an order that is not an Assets
  // transaction at all (no Assets OP_RETURN) gets komodod's generic answer instead of a malformed tx.
  if (!ask || !order || order.origpubkey.length !== 33) return softError('couldnt fill ask')
  const origAssetoshis = ask.value
  const totalNValue = order.price
  const paying = askFillPayment(origAssetoshis, totalNValue, fillunits)
  const normal = normalInputs(ctx.wallet, 2 * TXFEE + paying)
  if (!normal) return softError('filltx not enough utxos')
  const fill = setAskFillamounts(origAssetoshis, paying, totalNValue)
  const outputs: TxOut[] = [
    { value: origAssetoshis - fill.receivedAssetoshis, script: script.askTokens(nft, ASSETS_PK) },
    { value: fill.receivedAssetoshis, script: script.heldTokens(nft, mypk) },
    { value: fill.paidNValue, script: p2pk(order.origpubkey) },
    { value: TXFEE, script: script.assets(order.origpubkey) },
  ]
  const hex = finalize(ctx, 'assets', nft, normal, [ask], outputs,
    { tokenid, voutPubkeys: [mypk], funcid: 'S', price: fill.remainingNValue, origpubkey: order.origpubkey })
  return hex ? success(hex) : softError('couldnt fill ask')
}

// ── tokenfillbid / FillBuyOffer ───────────────────────────────────────────────────────────────

export function tokenfillbid(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 3, 3, 'tokenfillbid tokenid bidtxid fillamount')
  const { pubkey: mypk } = ensureCC(ctx)
  const tokenid = parseTxidParam(requireString(p, 0))
  const bidtxid = parseTxidParam(requireString(p, 1))
  const fillamount = atoll(requireString(p, 2))
  if (fillamount <= 0) return softError('fillamount must be positive')
  if (!tokenid || !bidtxid) return softError('must provide tokenid and bidtxid')
  const L = ctx.chain.ledger
  const normal = normalInputs(ctx.wallet, 2 * TXFEE)
  const bid = coinOf(L, bidtxid, 0)
  // FillBuyOffer returns these texts in place of the hex, and tokenfillbid reports them as a
  // success: {"result":"success","hex":"no normal coins left"} (src/cc/CCassetstx.cpp).
  if (!normal || !bid) return success('no normal coins left')
  const order = assetOpretOf(L.txs.get(bidtxid)!.tx)
  const { coins, sum } = addTokenInputs(L, tokenid, mypk, fillamount)
  if (sum === 0) return success('dont have any assets to fill bid')
  if (sum < fillamount || !order || order.origpubkey.length !== 33) return softError('couldnt fill bid')
  const nft = nftEvalOf(L, tokenid)
  const fill = setBidFillamounts(bid.value, fillamount, order.price)
  const change = sum - fill.paidUnits
  const outputs: TxOut[] = [
    { value: bid.value - fill.receivedNValue, script: script.assets(ASSETS_PK) },
    { value: fill.receivedNValue, script: p2pk(mypk) },
    { value: fill.paidUnits, script: script.heldTokens(nft, order.origpubkey) },
    { value: TXFEE, script: script.assets(order.origpubkey) },
  ]
  if (change !== 0) outputs.push({ value: change, script: script.heldTokens(0, mypk) })
  const hex = finalize(ctx, 'tokens', nft, normal, [bid, ...coins], outputs,
    { tokenid, voutPubkeys: [order.origpubkey], funcid: 'B', price: fill.remainingUnits, origpubkey: order.origpubkey })
  return hex ? success(hex) : softError('couldnt fill bid')
}

// ── tokencancelask / CancelSell, tokencancelbid / CancelBuyOffer ──────────────────────────────

/** The order outputs a cancel spends: vout0, plus the owner's marker when the order is 's' (vout1) or 'S' (vout3). */
function cancelInputs(ctx: CcContext, txid: string): Coin[] | null {
  const L = ctx.chain.ledger
  const first = coinOf(L, txid, 0)
  if (!first) return null
  const f = assetOpretOf(L.txs.get(txid)!.tx)?.funcid
  const marker = f === 's' ? coinOf(L, txid, 1) : f === 'S' ? coinOf(L, txid, 3) : null
  return marker ? [first, marker] : [first]
}

/**
 * CancelSell/CancelBuyOffer ask AddNormalinputs for one fee but also pay a fee-sized output back to
 * the owner, so a wallet coin of exactly one fee would leave no fee at all; the devchain asks for
 * two fees' worth, which changes which coin is picked, not the transaction's shape.
 */
const cancelFeeInputs = (ctx: CcContext): Coin[] | null => normalInputs(ctx.wallet, 2 * TXFEE)

export function tokencancelask(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, 'tokencancelask tokenid asktxid')
  const { pubkey: mypk } = ensureCC(ctx)
  const tokenid = parseTxidParam(requireString(p, 0))
  const asktxid = parseTxidParam(requireString(p, 1))
  if (!tokenid || !asktxid) return invalidParameter()
  const normal = cancelFeeInputs(ctx)
  const cc = normal ? cancelInputs(ctx, asktxid) : null
  if (!normal || !cc) return softError('couldnt cancel ask')
  const nft = nftEvalOf(ctx.chain.ledger, tokenid)
  // Someone else's ask: the marker is theirs, FinalizeCCTx has no key for it and returns "".
  const hex = finalize(ctx, 'assets', nft, normal, cc, [
    { value: cc[0].value, script: script.heldTokens(nft, mypk) },
    { value: TXFEE, script: p2pk(mypk) },
  ], { tokenid, voutPubkeys: [mypk], funcid: 'x', price: 0, origpubkey: mypk })
  return hex ? success(hex) : softError('couldnt cancel ask')
}

export function tokencancelbid(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 2, 2, 'tokencancelbid tokenid bidtxid')
  const { pubkey: mypk } = ensureCC(ctx)
  const tokenid = parseTxidParam(requireString(p, 0))
  const bidtxid = parseTxidParam(requireString(p, 1))
  if (!tokenid || !bidtxid) return invalidParameter()
  const normal = cancelFeeInputs(ctx)
  const cc = normal ? cancelInputs(ctx, bidtxid) : null
  if (!normal || !cc) return softError('couldnt cancel bid')
  // The coins go back to whoever builds the cancel; AssetsValidate refuses it unless that is the bidder.
  const hex = finalize(ctx, 'assets', 0, normal, cc, [
    { value: cc[0].value, script: p2pk(mypk) },
    { value: TXFEE, script: p2pk(mypk) },
  ], { tokenid, voutPubkeys: [], funcid: 'o', price: 0, origpubkey: mypk })
  return hex ? success(hex) : softError('couldnt cancel bid')
}
