/**
 * What the ledger shows to code outside it: the coin and transaction records and a read-only view
 * of the indexes. Wallets and CC modules (devchain/modules.ts) see the ledger through `LedgerView`,
 * so neither imports the Ledger class and the ledger can call the modules without a circle.
 */
import type { Tx } from '../tx/transaction.ts'

export const outpointKey = (txid: string, vout: number): string => `${txid}:${vout}`

export interface Coin {
  txid: string
  vout: number
  value: number
  script: Uint8Array
  /** Block height, or -1 while the creating tx is in the mempool. */
  height: number
  coinbase: boolean
  /** Address the index files it under (the CC address for CC outputs), null for none. */
  address: string | null
  cc: boolean
}

export interface TxRecord {
  txid: string
  raw: Uint8Array
  /** Mempool txs keep their parsed form; confirmed ones are re-parsed from `raw` on access. */
  readonly tx: Tx
  /** -1 while in the mempool. */
  height: number
  /** Position in its block. */
  index: number
  /** Time first seen (block time for mined-by-replay). */
  time: number
  /** Fee in satoshis (0 for coinbase). */
  fee: number
}

export interface AddrEntry {
  txid: string
  index: number
  satoshis: number
  height: number
  spending: boolean
}

/** Told of every confirmed, non-CC coin paying a watched address as it is created and spent. */
export interface CoinWatcher {
  add(c: Coin): void
  remove(c: Coin): void
}

/** Confirmed and mempool transactions by txid (lowercase hex). */
export interface TxsView {
  get(txid: string): TxRecord | undefined
  has(txid: string): boolean
}

/** The ledger as wallets and modules read it (the Ledger class implements it). */
export interface LedgerView {
  /** Records of confirmed transactions are made on each `get` (the ledger keeps them as columns). */
  readonly txs: TxsView
  /** Confirmed index entries by address, normal and CC (-addressindex). */
  readonly addrIndex: ReadonlyMap<string, readonly AddrEntry[]>
  readonly ccIndex: ReadonlyMap<string, readonly AddrEntry[]>
  /** Confirmed unspent outputs by address, keyed by outpoint. */
  readonly addrUtxos: ReadonlyMap<string, ReadonlyMap<string, Coin>>
  readonly ccUtxos: ReadonlyMap<string, ReadonlyMap<string, Coin>>
  /** Outpoint → txid of the mempool tx spending it. */
  readonly mempoolSpends: ReadonlyMap<string, string>
  /** Outputs of mempool txs by address, keyed by outpoint. */
  readonly mempoolByAddress: ReadonlyMap<string, ReadonlyMap<string, Coin>>
  /** Confirmed unspent outputs by outpoint. */
  readonly utxos: ReadonlyMap<string, Coin>
  /** Running confirmed balance of every address (normal and CC). */
  readonly utxoTotals: ReadonlyMap<string, number>
  readonly height: number
  readonly tip: { readonly time: number }
  /** Time stamped on the block at `height` (CCduration's clock), undefined above the tip. */
  blockTimeAt(height: number): number | undefined
  confirmations(height: number): number
  /** A coin spendable by a new mempool tx: confirmed or in the mempool, and not spent by the mempool. */
  findCoin(txid: string, vout: number): Coin | undefined
}

/** What a wallet needs beyond the read view: the maturity rule and a feed of its addresses' coins. */
export interface WalletLedger extends LedgerView {
  readonly params: { readonly coinbaseMaturity: number }
  /** The block at a height (immature coinbases are read from the last few). */
  block(height: number): { readonly txids: readonly string[] } | undefined
  watch(address: string, w: CoinWatcher): void
}
