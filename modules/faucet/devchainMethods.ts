/**
 * Devchain-only methods that belong to the CC journeys (komodod answers -32601 for them):
 * `devchain_jobs` shows faucetget proof-of-work searches with their progress, and
 * `devchain_resetidentity` gives a node a fresh key so a reader can claim from the faucet again.
 */
import { RpcError, RpcCode } from '../../protocol/jsonrpc.ts'
import type { CcContext } from '../../devchain/modules.ts'
import { checkCount, requireString } from '../../devchain/cc/cc-rpc.ts'
import { listPowJobs } from './pow.ts'
import { recentRejects } from '../../devchain/cc/rejects.ts'

function devchainJobs(_ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 0, 'devchain_jobs')
  return { jobs: listPowJobs(), rejects: recentRejects() }
}

/**
 * A fresh identity is the node's next deterministic key (seed, node, counter), so a seeded chain
 * replays the same identities. Only the reader may be reset: the miner's pubkey holds the premine.
 */
function devchainResetIdentity(ctx: CcContext, p: unknown[]): unknown {
  checkCount(p, 0, 1, 'devchain_resetidentity ( "node" )')
  const node = p.length ? requireString(p, 0) : 'reader'
  const dc = ctx.devchain
  if (!dc) throw new RpcError(RpcCode.METHOD_NOT_FOUND, 'Method not found')
  if (!dc.nodes.includes(node)) throw new RpcError(RpcCode.INVALID_PARAMETER, `Unknown node: ${node}`)
  if (node === 'miner') throw new RpcError(RpcCode.INVALID_PARAMETER, 'only the reader node can be given a fresh identity')
  const k = dc.newKey(node, false)
  dc.setPubkey(node, k.pubHex)
  return { node, address: k.address, pubkey: k.pubHex }
}

export const ccDevchainRpc = {
  devchain_jobs: devchainJobs,
  devchain_resetidentity: devchainResetIdentity,
}

export const ccDevchainUsage = {
  devchain_jobs: 'devchain_jobs',
  devchain_resetidentity: 'devchain_resetidentity ( "node" )',
}
