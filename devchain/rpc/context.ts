/**
 * What an RPC handler sees: the calling node, its wallet, and the engine through a narrow
 * interface (DevchainCore implements it). Handlers never import the core, so core → dispatch →
 * methods has no way back.
 */
import type { Ledger } from '../chain/ledger.ts'
import type { MiningState } from '../chain/mining.ts'
import type { ChainParams } from '../chain/params.ts'
import type { Wallet, WalletKey } from '../chain/wallet.ts'
import type { CcModule } from '../modules.ts'
import type { Tx } from '../tx/transaction.ts'
import type { ReplySize } from './replySize.ts'

export interface Engine {
  readonly params: ChainParams
  readonly ledger: Ledger
  readonly modules: readonly CcModule[]
  readonly nodes: string[]
  readonly mining: MiningState
  wallet(node: string): Wallet
  /** The node's next deterministic key, persisted. */
  newKey(node: string, labeled: boolean): WalletKey
  setPubkey(node: string, pubHex: string): void
  /** Mempool acceptance (and a block right away in automine mode); `own` skips signature checks. */
  submit(raw: Uint8Array, tx: Tx, origin?: 'own' | 'external'): Promise<string>
  generate(node: string, n: number, signal?: AbortSignal): Promise<string[]>
  /** Where the chain stands now (a log offset), for devchain_rewind. */
  checkpoint(): { offset: number; height: number; hash: string }
  rewind(offset: number): Promise<{ offset: number; height: number; hash: string }>
  setMining(state: MiningState): void
  requestStop(): void
}

export interface MethodContext {
  dc: Engine
  node: string
  wallet: Wallet
  /** Aborted when the caller is gone (a long `generate` stops between blocks). */
  signal?: AbortSignal
  /** What the caller will take of a reply (replySize.ts); long index walks count into it. */
  replySize: ReplySize
}

/** How a caller bounds one call. */
export interface CallOptions {
  /** Cancels a long `generate` between blocks (the blocks already mined stay). */
  signal?: AbortSignal
  /** The caller cuts any reply past this many bytes: a walk sure to pass it stops early (ReplyOverCap). */
  maxReplyBytes?: number
}

export type Handler = (ctx: MethodContext, p: unknown[]) => unknown | Promise<unknown>

export interface MethodDef {
  handler: Handler
  /** First usage line, for `help` and the wrong-parameter-count error. */
  usage: string
  category: string
}
