/**
 * What the Assets builders, reads and validation share on the engine side: the conditions komodod
 * builds for orders (MakeCC1vout, MakeTokensCC1vout with an optional non-fungible eval code), the
 * keys FinalizeCCTx can sign with, token inputs picked like AddTokenCCInputs, and the Assets
 * OP_RETURN of a transaction. Sources: src/cc/CCtokenutils.cpp, src/cc/CCtx.cpp, src/cc/CCtokens.cpp.
 */
import type { Coin, LedgerView as Ledger } from '../../devchain/chain/view.ts'
import { ccAddressOfScript, ccScript, makeCCcond1, type Condition } from '../../devchain/cc/condition.ts'
import { hexToBytes } from '../../devchain/cc/hashes.ts'
import { opReturnPayload } from '../../protocol/opret.ts'
import { tokensCond, nftEvalOf } from '../tokens/inputs.ts'
import type { Tx, TxOut } from '../../devchain/tx/transaction.ts'
import { assets, EVAL_ASSETS, EVAL_TOKENS, decodeAssetsOpret, type AssetOpret } from './spec.ts'

export { addTokenInputs, indexOrder, nftEvalOf, tokensCond } from '../tokens/inputs.ts'

export const ASSETS_PK = hexToBytes(assets.globalPubkey)
/** src/cc/CCcustom.cpp AssetsCCpriv: public by design, only AssetsValidate guards the global outputs. */
export const ASSETS_PRIV = hexToBytes(assets.globalPrivkey)

export const script = {
  /** MakeCC1vout(EVAL_ASSETS, …): bid coins at the global key, or a marker at a pubkey. */
  assets: (pk: Uint8Array) => ccScript(makeCCcond1(EVAL_ASSETS, pk)),
  /** MakeTokensCC1vout(EVAL_ASSETS, nft, …): tokens locked in an ask. */
  askTokens: (nft: number, pk: Uint8Array) => ccScript(tokensCond(EVAL_ASSETS, nft, pk)),
  /** Tokens held by a pubkey: single-eval Tokens, or Tokens + the NFT eval code. */
  heldTokens: (nft: number, pk: Uint8Array) => ccScript(tokensCond(nft || EVAL_TOKENS, 0, pk)),
}

export const addressOf = (s: Uint8Array): string => ccAddressOfScript(s)

/** The Assets OP_RETURN of a transaction (its last output), or null. */
export function assetOpretOf(tx: Tx): AssetOpret | null {
  const last = tx.vout[tx.vout.length - 1]
  const payload = last ? opReturnPayload(last.script) : null
  return payload ? decodeAssetsOpret(payload) : null
}

/** An output of a known transaction as a spendable coin (confirmed or not, spent or not: komodod's builders don't look). */
export function coinOf(L: Ledger, txid: string, n: number): Coin | null {
  const rec = L.txs.get(txid)
  const out: TxOut | undefined = rec?.tx.vout[n]
  if (!rec || !out) return null
  return { txid, vout: n, value: out.value, script: out.script, height: rec.height, coinbase: false, address: ccAddressOfScript(out.script), cc: true }
}

export interface Signer {
  condition: Condition
  priv: Uint8Array
}

/**
 * FinalizeCCTx's choice of key for a CC input: the spent output's address must be one it knows
 * for the contract (`cp`) it was called with, or signing fails and the builder returns "".
 * `cp` Assets: mine, my dual-eval tokens, my single-eval tokens, the global Assets key, its dual-eval tokens.
 * `cp` Tokens (CreateSell, FillBuyOffer): mine and my tokens, plus the Assets
 * global key that FillBuyOffer adds with CCaddr2set.
 */
export function signerFor(cp: 'assets' | 'tokens', coin: Coin, mypk: Uint8Array, mypriv: Uint8Array, nft: number): Signer | null {
  const evalCode = cp === 'assets' ? EVAL_ASSETS : EVAL_TOKENS
  const candidates: Signer[] = [
    { condition: makeCCcond1(evalCode, mypk), priv: mypriv },
    { condition: tokensCond(evalCode, nft, mypk), priv: mypriv },
    { condition: makeCCcond1(EVAL_TOKENS, mypk), priv: mypriv },
    ...(cp === 'assets'
      ? [{ condition: makeCCcond1(EVAL_ASSETS, ASSETS_PK), priv: ASSETS_PRIV }, { condition: tokensCond(EVAL_ASSETS, nft, ASSETS_PK), priv: ASSETS_PRIV }]
      : [{ condition: makeCCcond1(EVAL_ASSETS, ASSETS_PK), priv: ASSETS_PRIV }]),
  ]
  const want = addressOf(coin.script)
  return candidates.find((s) => addressOf(ccScript(s.condition)) === want) ?? null
}
