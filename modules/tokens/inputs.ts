/**
 * Token inputs as every module that holds tokens picks them (komodod links src/cc/CCtokens.cpp into
 * Assets, Heir, Channels…): the conditions of held tokens (MakeTokensCCcond1, src/cc/CCtokenutils.cpp),
 * the non-fungible eval code a token's outputs carry, and AddTokenCCInputs in address-index order.
 */
import type { Coin, LedgerView as Ledger } from '../../devchain/chain/view.ts'
import { ccAddressOfScript, ccScript, EVAL_TOKENS, makeTokensCond, type Condition } from '../../devchain/cc/condition.ts'
import { ccUnspents, spentInMempool } from '../../devchain/cc/cc-rpc.ts'
import { tokenCreation, tokenOfOutput } from './rules.ts'

/** MakeTokensCCcond1(evalcode, evalcode2, pk): every child required; the Tokens eval is implied. */
export const tokensCond = (evalCode: number, evalCode2: number, pk: Uint8Array): Condition => makeTokensCond(evalCode, evalCode2, [pk])

/** The eval code a non-fungible token's outputs carry (its data's first byte), 0 for fungible tokens. */
export function nftEvalOf(L: Ledger, tokenid: string): number {
  const t = tokenCreation(L, tokenid)
  return t?.nftData && t.nftData.length > 0 ? t.nftData[0] : 0
}

/** Address-index order: by txid in internal byte order, then output index (leveldb key order). */
export function indexOrder(a: Coin, b: Coin): number {
  const ka = a.txid.match(/../g)!.reverse().join('')
  const kb = b.txid.match(/../g)!.reverse().join('')
  return ka < kb ? -1 : ka > kb ? 1 : a.vout - b.vout
}

/**
 * AddTokenCCInputs: confirmed token outputs of `tokenid` at the pubkey's token address, not spent in
 * the mempool, each at least total/maxinputs, until `total` is reached or `maxinputs` are taken.
 */
export function addTokenInputs(L: Ledger, tokenid: string, pk: Uint8Array, total: number, maxinputs = 60): { coins: Coin[]; sum: number } {
  const nft = nftEvalOf(L, tokenid)
  const address = ccAddressOfScript(ccScript(tokensCond(nft || EVAL_TOKENS, 0, pk)))
  const threshold = Math.trunc(total / maxinputs)
  const coins: Coin[] = []
  let sum = 0
  for (const c of ccUnspents(L, address).sort(indexOrder)) {
    if (c.value < threshold || spentInMempool(L, c) || tokenOfOutput(L, c.txid, c.vout) !== tokenid) continue
    coins.push(c)
    sum += c.value
    if ((total > 0 && sum >= total) || coins.length >= maxinputs) break
  }
  return { coins, sum }
}
