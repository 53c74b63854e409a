/** The chain parameters a backend may show anyone (`/rpc/meta`, the in-page chain's meta); the rest
 * of ChainParams (RPC credentials, paths) stays inside. */
import type { ChainParams } from './params.ts'

const PUBLIC_PARAMS = ['name', 'supply', 'reward', 'cc', 'blocktime', 'regtest', 'magic', 'p2pport', 'rpcport', 'coinbaseMaturity'] as const

export function publicChainParams(params: ChainParams): Record<string, unknown> {
  const p = params as unknown as Record<string, unknown>
  return Object.fromEntries(PUBLIC_PARAMS.filter((k) => k in p).map((k) => [k, p[k]]))
}
