import { isBidFuncid } from './funcids.ts'
import type { AssetOrder } from './spec.ts'

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
