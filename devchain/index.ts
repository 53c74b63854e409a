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
import { DevchainCore, NODE_NAMES } from './core.ts'
import type { ChainParams } from './chain/params.ts'
import type { StoreFactory } from './chain/store.ts'
import type { CcModule } from './modules.ts'

export type { ChainParams } from './chain/params.ts'
export type { ChainStore, StoreFactory } from './chain/store.ts'
export { StoreLockedError } from './chain/store.ts'
export { LogDamagedError } from './chain/logIntegrity.ts'
export type { CcModule } from './modules.ts'
export { Amount, serializeReply } from './rpc/amount.ts'
export { NODE_NAMES }

export interface DevchainOptions {
  /** komodod flags: -ac_name, -ac_supply, -ac_reward, -ac_cc, -ac_blocktime, -regtest, -rpcport, … */
  args?: string[]
  /** Data directory; null = memory only. Default: -datadir, DEVCHAIN_DATA, then `.devchain/`. */
  dataDir?: string | null
  /**
   * Makes the platform's store for the data directory; required unless the chain is memory-only.
   * Node: `fileStorage` from `devchain/platform/node/fileStore.ts`.
   */
  storage?: StoreFactory
  /** Wallet seed for deterministic replay. Default: the data directory's own, DEVCHAIN_SEED, then random. */
  seed?: string
  /** Start over: delete the data directory's log first. */
  reset?: boolean
  /**
   * A damaged log (anything but a torn tail): keep a copy of it, cut it at the last good record and
   * start at that height. Without it such a start fails with `LogDamagedError`.
   */
  recover?: boolean
  /** Where the chain's notices go (a dropped torn tail, a recovery). @default console.warn */
  log?: (line: string) => void
  /**
   * Blocks between two snapshots of the state beside the log (one is also written on a clean close,
   * and a start loads it and replays only the log after it); 0 = only on close; false = never read or
   * write snapshots. @default SNAPSHOT_EVERY (5,000)
   */
  snapshotEvery?: number | false
  /** CC modules' rules (the engine knows none itself): `await loadModuleRules()` from modules/loadRules.ts. @default [] */
  modules?: readonly CcModule[]
}

export interface Devchain {
  readonly params: ChainParams
  readonly nodes: readonly string[]
  /** The wallet seed was chosen, not random: its keys are derivable by whoever knows it. */
  readonly seedFixed: boolean
  /** `signal` cancels a long `generate` between blocks (the blocks already mined stay). */
  call(node: string, method: string, params: unknown[], opts?: { signal?: AbortSignal }): Promise<unknown>
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
