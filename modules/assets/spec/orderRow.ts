/** An order as tokenorders lists it, and as the order book panel's table shows it. */
import { isBidFuncid, type AssetFuncId } from './funcids.ts'

export interface AssetOrder {
  funcid: AssetFuncId
  txid: string
  vout: number
  /** Bids: coins as a "%.8f" string; asks: token units as a "%llu" string. */
  amount: string
  bidamount?: string
  askamount?: string
  origaddress?: string
  origtokenaddress?: string
  tokenid?: string
  otherid?: string
  /** Bids: token units still wanted (a number); asks: coins still asked for ("%.8f" string). */
  totalrequired?: number | string
  /** Coins per token, "%.8f". */
  price?: string
}

/** An order as the panel's table shows it: units, price per unit and total coins, whichever side it is. */
export interface OrderRow {
  order: AssetOrder
  side: 'ask' | 'bid'
  units: number
  price: string
  total: string
}

export function rowOf(order: AssetOrder): OrderRow {
  return isBidFuncid(order.funcid)
    ? { order, side: 'bid', units: Number(order.totalrequired ?? 0), price: order.price ?? '', total: order.amount }
    : { order, side: 'ask', units: Number(order.amount), price: order.price ?? '', total: String(order.totalrequired ?? '') }
}
