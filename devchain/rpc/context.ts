import type { DevchainCore } from '../core.ts'
import type { Wallet } from '../chain/wallet.ts'

export interface MethodContext {
  dc: DevchainCore
  node: string
  wallet: Wallet
  /** Aborted when the caller is gone (a long `generate` stops between blocks). */
  signal?: AbortSignal
}

export type Handler = (ctx: MethodContext, p: unknown[]) => unknown | Promise<unknown>

export interface MethodDef {
  handler: Handler
  /** First usage line, for `help` and the wrong-parameter-count error. */
  usage: string
  category: string
}
