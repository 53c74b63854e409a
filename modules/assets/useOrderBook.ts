/**
 * The order book panel's state: one token's open orders as `tokenorders` lists them, both nodes'
 * token and coin balances with what changed since the previous read, and the actions (place, fill,
 * cancel) as komodod's two steps: the Assets RPC builds the hex, sendrawtransaction relays it.
 */
import { ref } from 'vue'
import { useBuildAndSend } from '../../components/useBuildAndSend.ts'
import { useCall } from '../../components/useCall.ts'
import { useRpcClient } from '../../components/useRpcClient.ts'
import type { AssetOrder } from './spec.ts'

export type Side = 'ask' | 'bid'

export interface Holder {
  node: string
  pubkey: string
  /** The pubkey's Tokens CC address: what an order's `origtokenaddress` names. */
  tokenAddress: string
  tokens: number | null
  coins: number | null
  /** Change since the previous refresh (0 on the first). */
  dTokens: number
  dCoins: number
}

/** An order as the table shows it: units, price per unit and total coins, whichever side it is. */
export interface OrderRow {
  order: AssetOrder
  side: Side
  units: number
  price: string
  total: string
}

export function rowOf(order: AssetOrder): OrderRow {
  const bid = order.funcid === 'b' || order.funcid === 'B'
  return bid
    ? { order, side: 'bid', units: Number(order.totalrequired ?? 0), price: order.price ?? '', total: order.amount }
    : { order, side: 'ask', units: Number(order.amount), price: order.price ?? '', total: String(order.totalrequired ?? '') }
}

const round8 = (x: number): number => Math.round(x * 1e8) / 1e8

export function useOrderBook(nodes: readonly string[]) {
  const rows = ref<OrderRow[]>([])
  const holders = ref<Holder[]>([])
  const book = useCall<AssetOrder[]>()
  const action = useBuildAndSend()
  const mining = useCall<string[]>()

  async function loadHolders(): Promise<void> {
    const client = useRpcClient()
    const found = await Promise.all(nodes.map(async (node) => {
      const info = await client.call('getinfo', [], { node, timeoutMs: 5000 }).then((r) => r.result as { pubkey?: string }, () => null)
      return info?.pubkey ? { node, pubkey: info.pubkey } : null
    }))
    holders.value = found.filter((h): h is { node: string; pubkey: string } => h !== null)
      .map((h) => ({ ...h, tokenAddress: '', tokens: null, coins: null, dTokens: 0, dCoins: 0 }))
  }

  async function refresh(tokenid: string): Promise<void> {
    const orders = await book.run('tokenorders', [tokenid])
    rows.value = (orders ?? []).map(rowOf)
    const client = useRpcClient()
    holders.value = await Promise.all(holders.value.map(async (h) => {
      const bal = await client.call('tokenbalance', [tokenid, h.pubkey]).then((r) => r.result as { balance: number; CCaddress: string }, () => null)
      const coins = await client.call('getbalance', [], { node: h.node }).then((r) => Number(r.result), () => null)
      const tokens = bal?.balance ?? null
      return {
        ...h, tokenAddress: bal?.CCaddress ?? h.tokenAddress, tokens, coins,
        dTokens: tokens !== null && h.tokens !== null ? tokens - h.tokens : 0,
        dCoins: coins !== null && h.coins !== null ? round8(coins - h.coins) : 0,
      }
    }))
  }

  /** Which node placed an order (its Tokens address is the order's origtokenaddress), or null. */
  const ownerOf = (row: OrderRow): string | null => holders.value.find((h) => h.tokenAddress && h.tokenAddress === row.order.origtokenaddress)?.node ?? null

  const place = (side: Side, tokenid: string, units: string, price: string, node: string) =>
    action.run(side === 'ask' ? 'tokenask' : 'tokenbid', [units, tokenid, price], node)

  const fill = (row: OrderRow, tokenid: string, units: string, node: string) =>
    action.run(row.side === 'ask' ? 'tokenfillask' : 'tokenfillbid', [tokenid, row.order.txid, units], node)

  const cancel = (row: OrderRow, tokenid: string, node: string) =>
    action.run(row.side === 'ask' ? 'tokencancelask' : 'tokencancelbid', [tokenid, row.order.txid], node)

  /** Orders are listed once mined (tokenorders reads confirmed outputs): one block, then a fresh read. */
  async function mineAndRefresh(tokenid: string): Promise<void> {
    await mining.run('generate', [1])
    await refresh(tokenid)
  }

  return { rows, holders, book, action, mining, loadHolders, refresh, ownerOf, place, fill, cancel, mineAndRefresh }
}
