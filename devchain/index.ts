/**
 * The devchain's in-process face. The gateway and tests use this; `server/chain/cli.ts` puts the same
 * chain behind komodod's HTTP JSON-RPC.
 *
 *   const chain = await createDevchain({ dataDir: null })      // memory only
 *   const kept = await createDevchain({ dataDir: '.devchain', storage: fileStorage })  // Node: platform/node/fileStore.ts
 *   await chain.call('miner', 'generate', [1])                 // → [blockhash]
 *   serializeReply({ result, error: null, id })                // komodod's wire text (8-dp amounts)
 *
 * `call` throws `RpcError` (protocol/jsonrpc.ts) exactly where komodod answers an error; results may
 * contain `Amount` objects, which serialize as komodod prints them only through `serializeReply`
 * (plain JSON.stringify gives ordinary numbers).
 */
import { DevchainCore, NODE_NAMES, type CoreOptions } from './core.ts'
import type { ChainParams } from './chain/params.ts'
import type { CallOptions } from './rpc/context.ts'

export type { ChainParams } from './chain/params.ts'
export type { ChainStore, StoreFactory } from './chain/store.ts'
export { StoreLockedError } from './chain/store.ts'
export { LogDamagedError } from './chain/logIntegrity.ts'
export type { CcModule } from './modules.ts'
export { Amount, serializeReply } from './rpc/amount.ts'
export { ReplyOverCap } from './rpc/replySize.ts'
export type { CallOptions } from './rpc/context.ts'
export { NODE_NAMES }

/** The engine's options minus `env` (the in-process face reads the process's own environment). */
export type DevchainOptions = Omit<CoreOptions, 'env'>

export interface Devchain {
  readonly params: ChainParams
  readonly nodes: readonly string[]
  /** The wallet seed was chosen, not random: its keys are derivable by whoever knows it. */
  readonly seedFixed: boolean
  call(node: string, method: string, params: unknown[], opts?: CallOptions): Promise<unknown>
  on(event: 'block', fn: (b: { height: number; hash: string }) => void): void
  close(): Promise<void>
}

export async function createDevchain(opts: DevchainOptions = {}): Promise<Devchain> {
  const core = await DevchainCore.open(opts)
  return {
    params: core.params,
    seedFixed: core.seedFixed,
    get nodes() {
      return core.nodes
    },
    call: (node, method, params, opts) => core.call(node, method, params, opts),
    on: (event, fn) => core.on(event, fn),
    close: () => core.close(),
  }
}

/** The core object, for the HTTP face and tests that need the ledger itself. */
export async function createDevchainCore(opts: DevchainOptions = {}): Promise<DevchainCore> {
  return DevchainCore.open(opts)
}

export { DevchainCore }
