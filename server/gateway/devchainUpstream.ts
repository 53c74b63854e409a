/**
 * The in-process devchain as an upstream. Replies are printed as the devchain's serializer prints
 * them (amounts keep komodod's 8-decimal wire text), under the gateway's byte cap, a piece at a time.
 */
import type { Devchain } from '../../devchain/index.ts'
import { ReplyOverCap } from '../../devchain/index.ts'
import { publicChainParams } from '../../devchain/chain/publicParams.ts'
import type { RpcErrorObject } from '../../protocol/jsonrpc.ts'
import { RpcError, httpStatusFor } from '../../protocol/jsonrpc.ts'
import { ReplyCut } from './budget.ts'
import { printCapped } from './cappedJson.ts'
import { gatewayError, upstreamTimeout } from './errors.ts'
import type { Call } from './parse.ts'
import type { CallOptions, NodeReply, Upstream } from './upstream.ts'
import { UpstreamFailure } from './upstream.ts'

export function createDevchainUpstream(chain: Devchain, opts: { ownsChain?: boolean } = {}): Upstream {
  const publicParams = publicChainParams(chain.params)

  const callWithin = async (node: string, call: Call, timeoutMs: number, signal?: AbortSignal, maxReplyBytes?: number): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new UpstreamFailure(upstreamTimeout(node, timeoutMs))), timeoutMs)
    })
    try {
      return await Promise.race([chain.call(node, call.method, call.params, { signal, maxReplyBytes }), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  /** The reply's text under the cap, its bytes taken from the budget. */
  const reply = async (status: number, envelope: { result: unknown; error: RpcErrorObject | null; id: unknown }, opts: CallOptions): Promise<NodeReply> => {
    const printed = await printCapped(envelope, opts.maxBytes, opts.budget)
    if (printed === null) throw new ReplyCut('too-large')
    return { status, body: printed.text, error: envelope.error, reserved: printed.reserved }
  }

  return {
    kind: 'devchain',
    nodes: chain.nodes,
    async call(node, call, opts): Promise<NodeReply> {
      let result: unknown
      try {
        // The cap goes to the devchain too: an index walk sure to pass it stops instead of building it all.
        result = await callWithin(node, call, opts.timeoutMs, opts.signal, opts.maxBytes)
      } catch (e) {
        if (e instanceof ReplyOverCap) throw new ReplyCut('too-large')
        if (e instanceof RpcError) {
          const error = { code: e.code, message: e.message }
          return reply(httpStatusFor(error), { result: null, error, id: call.id }, opts)
        }
        if (e instanceof UpstreamFailure) throw e
        // A devchain bug: komodod would answer 500; its message may hold paths, so it is not sent.
        throw new UpstreamFailure(gatewayError(-32603, 'Internal error in the devchain', 500))
      }
      return reply(200, { result, error: null, id: call.id }, opts)
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
