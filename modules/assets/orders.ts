/**
 * The order book reads, tokenorders and mytokenorders: komodod's AssetOrders (src/cc/CCassetstx.cpp)
 * walks the confirmed unspent outputs of the Assets global address (bids: locked coins) and of its
 * dual-eval token address (asks: locked tokens), in address-index order, and prints each order with
 * its amounts as strings (sprintf "%.8f" / "%llu"), bids first.
 */
import type { CcContext } from '../../devchain/modules.ts'
import type { Coin, LedgerView as Ledger } from '../../devchain/chain/view.ts'
import { RpcCode, RpcError } from '../../protocol/jsonrpc.ts'
import { ccAddress } from '../../devchain/cc/condition.ts'
import { bytesEqual } from '../../devchain/cc/hashes.ts'
import { ccUnspents, checkCount, ensureCC, parseTxidParam, requireString } from '../../devchain/cc/cc-rpc.ts'
import { COIN, EVAL_ASSETS, EVAL_TOKENS, fixed8, isAskFuncid, isBidFuncid, type AssetOrder } from './spec.ts'
import { ASSETS_PK, addressOf, assetOpretOf, indexOrder, nftEvalOf, script } from './chain.ts'

function orderItem(L: Ledger, c: Coin, filter: (tokenid: string, funcid: string, origpubkey: Uint8Array) => boolean): AssetOrder | null {
  const tx = L.txs.get(c.txid)?.tx
  const o = tx && assetOpretOf(tx)
  if (!tx || !o || !filter(o.tokenid, o.funcid, o.origpubkey) || c.value === 0) return null
  const vout0 = tx.vout[0].value
  const bid = isBidFuncid(o.funcid)
  const item: AssetOrder = {
    funcid: o.funcid, txid: c.txid, vout: c.vout,
    amount: bid ? fixed8(c.value / COIN) : String(c.value),
  }
  if (bid) item.bidamount = fixed8(vout0 / COIN)
  else item.askamount = String(vout0)
  if (o.origpubkey.length === 33) {
    item.origaddress = ccAddress(EVAL_ASSETS, o.origpubkey)
    item.origtokenaddress = ccAddress(EVAL_TOKENS, o.origpubkey)
  }
  if (!/^0+$/.test(o.tokenid)) item.tokenid = o.tokenid
  if (o.assetid2 && !/^0+$/.test(o.assetid2)) item.otherid = o.assetid2
  if (o.price > 0) {
    // komodod's test reads `funcid == 'e' || funcid == 'e'`: 'E' fills print like bids.
    if (isAskFuncid(o.funcid) || o.funcid === 'e') {
      item.totalrequired = fixed8(o.price / COIN)
      item.price = fixed8(o.price / (COIN * vout0))
    } else {
      item.totalrequired = o.price
      item.price = fixed8(vout0 / (o.price * COIN))
    }
  }
  return item
}

/** AssetOrders(refassetid, pk, additionalEvalCode). */
function assetOrders(L: Ledger, refTokenid: string | null, mine: Uint8Array | null, additionalEval: number): AssetOrder[] {
  const filter = (tokenid: string, funcid: string, origpubkey: Uint8Array): boolean => mine
    ? bytesEqual(mine, origpubkey) && (funcid === 'S' || funcid === 's')
    : refTokenid === null || tokenid === refTokenid
  const nft = refTokenid ? nftEvalOf(L, refTokenid) : 0
  const addresses = [addressOf(script.assets(ASSETS_PK)), addressOf(script.askTokens(nft, ASSETS_PK))]
  if (additionalEval !== 0) addresses.push(addressOf(script.askTokens(additionalEval, ASSETS_PK)))
  const out: AssetOrder[] = []
  for (const address of addresses) {
    for (const c of ccUnspents(L, address).sort(indexOrder)) {
      const item = orderItem(L, c, filter)
      if (item) out.push(item)
    }
  }
  return out
}

const TOKENORDERS_USAGE = 'tokenorders [tokenid]\nreturns token orders for the tokenid or all available token orders if tokenid is not set\n(this rpc supports only fungible tokens)\n\n'
const MYTOKENORDERS_USAGE = 'mytokenorders [evalcode]\nreturns all the token orders for mypubkey\nif evalcode is set then returns mypubkey token orders for non-fungible tokens with this evalcode\n\n'

export function tokenorders(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 1, TOKENORDERS_USAGE)
  ensureCC(ctx)
  if (p.length === 1) {
    const tokenid = parseTxidParam(requireString(p, 0))
    if (!tokenid) throw new RpcError(RpcCode.MISC_ERROR, 'incorrect tokenid\n')
    return assetOrders(ctx.chain.ledger, tokenid, null, 0)
  }
  return assetOrders(ctx.chain.ledger, null, null, 0)
}

/** strtol(s, NULL, 0): decimal, 0x hex or 0 octal, up to the first character that does not fit. */
export function strtol0(s: string): number {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)?/.exec(s)
  const body = m?.[2]
  if (!body) return 0
  const n = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.startsWith('0') ? parseInt(body, 8) || 0 : parseInt(body, 10)
  return m[1] === '-' ? -n : n
}

export function mytokenorders(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 1, MYTOKENORDERS_USAGE)
  const { pubkey } = ensureCC(ctx)
  // uint8_t additionalEvalCode = strtol(...): the low byte.
  const evalCode = p.length === 1 ? strtol0(requireString(p, 0)) & 0xff : 0
  return assetOrders(ctx.chain.ledger, null, pubkey, evalCode)
}
