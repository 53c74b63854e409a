/**
 * AssetsValidate (src/cc/assets.cpp with its helpers in src/cc/CCassetsCore.cpp): the consensus
 * rules of every transaction that spends an Assets output — a fill, a cancel — check after check
 * in komodod's order, with komodod's reason texts. komodod answers any of them at
 * sendrawtransaction with the generic script failure (-26 `16: mandatory-script-verify-flag-failed
 * (…)`); the reason goes to its debug log, and here to the devchain's recent rejects.
 *
 * Token conservation (token inputs = token outputs) is the Tokens module's rule; AssetsValidate
 * only reads the token inputs (AssetCalcAmounts) to check where they go.
 */
import type { ValidationContext } from '../../devchain/modules.ts'
import type { LedgerView as Ledger } from '../../devchain/chain/view.ts'
import { classifyScript } from '../../devchain/tx/script.ts'
import { hashToHex } from '../../devchain/crypto/hash.ts'
import type { Tx, TxOut } from '../../devchain/tx/transaction.ts'
import { ccAddress } from '../../devchain/cc/condition.ts'
import { bytesEqual, pubkeyAddress } from '../../devchain/cc/hashes.ts'
import { inputsWithEval } from '../../devchain/cc/spend.ts'
import { tokenOfOutput } from '../tokens/rules.ts'
import { EVAL_ASSETS, EVAL_TOKENS, validateAskRemainder, validateBidRemainder, type AssetOpret } from './spec.ts'
import { ASSETS_PK, addressOf, assetOpretOf, nftEvalOf, script } from './chain.ts'

const isZero = (id: string): boolean => /^0+$/.test(id)
const isCC = (o: TxOut | undefined): boolean => !!o && classifyScript(o.script).type === 'cryptocondition'
const addressOfOut = (o: TxOut): string | undefined => classifyScript(o.script).addresses[0]

/** ConstrainVout: CC or not, at an address (unless null), of a value (unless 0). */
function constrain(o: TxOut | undefined, cc: boolean, address: string | null, value: number): boolean {
  if (!o || isCC(o) !== cc) return false
  if (address !== null && addressOfOut(o) !== address) return false
  return value === 0 || value === o.value
}

class Invalid {
  constructor(readonly reason: string) {}
}

interface OrderVin {
  /** Value of the order output spent by vin1. */
  nValue: number
  /** The spent order's opret: its price (what is still wanted) and owner. */
  order: AssetOpret
  origTokensAddress: string
  origNormalAddress: string
}

/** AssetValidateCCvin + GetAssetorigaddrs: vin1 spends vout0 of an order from the right global address. */
function orderVin(L: Ledger, tx: Tx, funcid: string, nft: number): OrderVin {
  if (tx.vin.length < 2) throw new Invalid('not enough for CC vins')
  if (tx.vin[1].prevIndex !== 0) throw new Invalid('vin1 needs to be buyvin.vout[0]')
  const vinTx = L.txs.get(hashToHex(tx.vin[1].prevHash))?.tx
  if (!vinTx) throw new Invalid('always should find CCvin, but didnt')
  const from = addressOfOut(vinTx.vout[0])
  if ((funcid === 'S' || funcid === 'x') && from !== addressOf(script.askTokens(nft, ASSETS_PK))) throw new Invalid('invalid vin assets CCaddr')
  if ((funcid === 'B' || funcid === 'o') && from !== addressOf(script.assets(ASSETS_PK))) throw new Invalid('invalid vin assets CCaddr')
  const order = assetOpretOf(vinTx)
  if (!order || !'sSbB'.includes(order.funcid) || order.origpubkey.length !== 33) throw new Invalid('couldnt get origaddr for buyvin')
  if (vinTx.vout[0].value === 0) throw new Invalid('null value CCvin')
  return {
    nValue: vinTx.vout[0].value, order,
    origTokensAddress: addressOf(script.heldTokens(nft, order.origpubkey)),
    origNormalAddress: pubkeyAddress(order.origpubkey),
  }
}

/** AssetValidateBuyvin: vin1 is the coins of a bid ('b') or of a partly filled bid ('B') of this token. */
function buyVin(L: Ledger, tx: Tx, funcid: string, tokenid: string): OrderVin {
  const v = orderVin(L, tx, funcid, 0)
  const vinTx = L.txs.get(hashToHex(tx.vin[1].prevHash))!.tx
  if (!isCC(vinTx.vout[0])) throw new Invalid('invalid normal vout0 for buyvin')
  if (v.order.funcid === 'b' && !isCC(vinTx.vout[1])) throw new Invalid('invalid normal vout1 for buyvin')
  if (v.order.funcid !== 'b' && v.order.funcid !== 'B') throw new Invalid('invalid opreturn for buyvin')
  if (v.order.tokenid !== tokenid) throw new Invalid('invalid assetid for buyvin')
  return v
}

/** AssetValidateSellvin: vin1 is the tokens of an ask ('s') or of a partly filled ask ('S') of this token (IsAssetvout). */
function sellVin(L: Ledger, tx: Tx, funcid: string, tokenid: string, nft: number): OrderVin {
  const v = orderVin(L, tx, funcid, nft)
  const vinTx = L.txs.get(hashToHex(tx.vin[1].prevHash))!.tx
  const isAssetVout = vinTx.vout.length > 1 && isCC(vinTx.vout[0]) && v.order.funcid !== 'E' && v.order.tokenid === tokenid
  if (!isAssetVout || vinTx.vout[0].value === 0) throw new Invalid('invalid missing CC vout0 for sellvin')
  return v
}

/** PreventCC: no CC inputs from index `vins` on, no CC outputs from index `vouts` on (-1: no check). */
function preventCC(tx: Tx, vctx: ValidationContext, vins: number, vouts: number): void {
  if (vins >= 0) for (let i = vins; i < tx.vin.length; i++) if (vctx.spent[i]?.cc) throw new Invalid('invalid CC vin')
  if (vouts >= 0) for (let i = vouts; i < tx.vout.length; i++) if (isCC(tx.vout[i])) throw new Invalid('invalid CC vout')
}

function check(tx: Tx, vctx: ValidationContext): void {
  const L = vctx.chain.ledger
  const numvouts = tx.vout.length
  if (numvouts === 0) throw new Invalid('AssetValidate: no vouts')
  const o = assetOpretOf(tx)
  if (!o) throw new Invalid('AssetValidate: invalid opreturn payload')
  const { funcid, tokenid, price: remaining, origpubkey } = o
  const nft = nftEvalOf(L, tokenid)
  const cancel = funcid === 'o' || funcid === 'x'
  if (!cancel && !L.txs.has(tokenid)) throw new Invalid('cant find asset create txid')
  if (!cancel && o.assetid2 && !isZero(o.assetid2) && !L.txs.has(o.assetid2)) throw new Invalid('cant find asset2 create txid')
  if (vctx.spent[0]?.cc) throw new Invalid('illegal asset vin0')
  if (numvouts < 2) throw new Invalid('too few vouts')
  if (isZero(tokenid)) throw new Invalid('illegal assetid')
  // AssetCalcAmounts: the token inputs of this tokenid.
  let inputs = 0
  for (const i of inputsWithEval(tx, vctx.spent, EVAL_TOKENS)) {
    const c = vctx.spent[i]
    if (tokenOfOutput(L, c.txid, c.vout) === tokenid) inputs += c.value
  }
  const origAssetsAddress = origpubkey.length === 33 ? ccAddress(EVAL_ASSETS, origpubkey) : ''
  const v = tx.vout
  let vins = -1
  let vouts = -1
  switch (funcid) {
    case 'b': throw new Invalid('invalid asset funcid (b)')
    case 's': throw new Invalid('invalid asset funcid (s)')
    case 'o': {
      const bid = buyVin(L, tx, funcid, tokenid)
      if (!constrain(v[0], false, bid.origNormalAddress, bid.nValue)) throw new Invalid('invalid refund for cancelbuy')
      vins = 3
      vouts = 0
      break
    }
    case 'B': {
      vouts = 4
      const bid = buyVin(L, tx, funcid, tokenid)
      if (numvouts < 4) throw new Invalid('not enough vouts for fillbuy')
      if (!bytesEqual(bid.order.origpubkey, origpubkey)) throw new Invalid('mismatched origpubkeys for fillbuy')
      if (bid.nValue !== v[0].value + v[1].value) throw new Invalid('locked value doesnt match vout0+1 fillbuy')
      if (isCC(v[4])) {
        // With token change in vout4 komodod checks only where the tokens go: not the price, nor the marker.
        if (!constrain(v[2], true, bid.origTokensAddress, 0)) throw new Invalid('vout2 doesnt go to origpubkey fillbuy')
        if (inputs !== v[2].value + v[4].value) throw new Invalid('asset inputs doesnt match vout2+3 fillbuy')
        vouts++
      } else if (!constrain(v[2], true, bid.origTokensAddress, inputs)) throw new Invalid('vout2 doesnt match inputs fillbuy')
      else if (!constrain(v[1], false, null, 0)) throw new Invalid('vout1 is CC for fillbuy')
      else if (!constrain(v[3], true, origAssetsAddress, 10_000)) throw new Invalid('invalid marker for original pubkey')
      else if (!validateBidRemainder(remaining, v[0].value, bid.nValue, v[1].value, v[2].value, bid.order.price)) throw new Invalid('mismatched remainder for fillbuy')
      else if (remaining !== 0 && !constrain(v[0], true, addressOf(script.assets(ASSETS_PK)), 0)) throw new Invalid('mismatched vout0 AssetsCCaddr for fillbuy')
      break
    }
    case 'x': {
      const ask = sellVin(L, tx, funcid, tokenid, nft)
      if (!constrain(v[0], true, ask.origTokensAddress, ask.nValue)) throw new Invalid('invalid vout for cancel')
      vins = 3
      vouts = 1
      break
    }
    case 'S': {
      const ask = sellVin(L, tx, funcid, tokenid, nft)
      if (numvouts < 4) throw new Invalid('not enough vouts for fillask')
      if (!bytesEqual(ask.order.origpubkey, origpubkey)) throw new Invalid('mismatched origpubkeys for fillask')
      if (ask.nValue !== v[0].value + v[1].value) throw new Invalid('locked value doesnt match vout0+1 fillask')
      if (!validateAskRemainder(remaining, v[0].value, ask.nValue, v[1].value, v[2].value, ask.order.price)) throw new Invalid('mismatched remainder for fillask')
      if (!constrain(v[1], true, null, 0)) throw new Invalid('normal vout1 for fillask')
      if (!constrain(v[2], false, ask.origNormalAddress, 0)) throw new Invalid('normal vout1 for fillask')
      if (!constrain(v[3], true, origAssetsAddress, 10_000)) throw new Invalid('invalid marker for original pubkey')
      if (remaining !== 0 && !constrain(v[0], true, addressOf(script.askTokens(nft, ASSETS_PK)), 0)) throw new Invalid('mismatched vout0 assets dual unspendable CCaddr for fill sell')
      break
    }
    case 'E': throw new Invalid('unexpected assets fillexchange funcid')
    default: throw new Invalid('unexpected assets funcid')
  }
  preventCC(tx, vctx, vins, vouts)
}

/** Null when AssetsValidate accepts the transaction, else komodod's reason. */
export function assetsRejectReason(tx: Tx, vctx: ValidationContext): string | null {
  try {
    check(tx, vctx)
    return null
  } catch (e) {
    if (e instanceof Invalid) return e.reason
    throw e
  }
}
