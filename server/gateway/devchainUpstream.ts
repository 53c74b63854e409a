/**
 * The in-process devchain as an upstream. Replies are printed with the devchain's serializer, so
 * amounts keep komodod's 8-decimal wire text exactly as its HTTP face would send them.
 */
import type { Devchain } from '../../devchain/index.ts'
import { serializeReply } from '../../devchain/index.ts'
import { publicChainParams } from '../../devchain/chain/publicParams.ts'
import { RpcError, httpStatusFor } from '../../protocol/jsonrpc.ts'
import { gatewayError, upstreamTimeout } from './errors.ts'
import type { Call } from './parse.ts'
import type { NodeReply, Upstream } from './upstream.ts'
import { UpstreamFailure } from './upstream.ts'

export function createDevchainUpstream(chain: Devchain, opts: { ownsChain?: boolean } = {}): Upstream {
  const publicParams = publicChainParams(chain.params)

  const callWithin = async (node: string, call: Call, timeoutMs: number): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new UpstreamFailure(upstreamTimeout(node, timeoutMs))), timeoutMs)
    })
    try {
      return await Promise.race([chain.call(node, call.method, call.params), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    kind: 'devchain',
    nodes: chain.nodes,
    async call(node, call, timeoutMs): Promise<NodeReply> {
      try {
        const result = await callWithin(node, call, timeoutMs)
        return { status: 200, body: serializeReply({ result, error: null, id: call.id }), error: null }
      } catch (e) {
        if (e instanceof RpcError) {
          const error = { code: e.code, message: e.message }
          return { status: httpStatusFor(error), body: serializeReply({ result: null, error, id: call.id }), error }
        }
        if (e instanceof UpstreamFailure) throw e
        // A devchain bug: komodod would answer 500; its message may hold paths, so it is not sent.
        throw new UpstreamFailure(gatewayError(-32603, 'Internal error in the devchain', 500))
      }
    },
    async health(timeoutMs) {
      try {
        const height = await callWithin(chain.nodes[0] ?? 'miner', { method: 'getblockcount', params: [], id: null }, timeoutMs)
        return { ok: true, detail: 'devchain loaded', height: Number(height) }
      } catch (e) {
        return { ok: false, detail: e instanceof RpcError || e instanceof UpstreamFailure ? e.message : 'devchain not answering' }
      }
    },
    async chainParams() {
      return publicParams
    },
    async close() {
      if (opts.ownsChain !== false) await chain.close()
    },
  }
}
