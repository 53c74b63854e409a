/**
 * komodod over HTTP with Basic auth. Credentials live only in the Authorization header built here;
 * every message this file produces names the node, never its URL.
 */
import type { RpcErrorObject } from '../../protocol/jsonrpc.ts'
import { upstreamBusy, upstreamTimeout, upstreamUnavailable } from './errors.ts'
import type { Call } from './parse.ts'
import { serializeCall } from './parse.ts'
import type { Health, NodeReply, Upstream } from './upstream.ts'
import { UpstreamFailure, withoutSecrets } from './upstream.ts'
import { RawHttpError, createRawPool } from './rawHttp.ts'

export interface NodeEndpoint {
  name: string
  host: string
  port: number
  /** komodod answers on "/"; the devchain's HTTP face serves extra nodes on "/node/<name>". */
  path?: string
  /** "user:password", or empty for no auth. */
  auth: string
}

/** Replies larger than this are refused (getblock verbosity 2 of a full block stays well under). */
const MAX_REPLY_BYTES = 64 * 1024 * 1024

interface Raw {
  status: number
  text: string
}

export function createHttpUpstream(endpoints: readonly NodeEndpoint[], opts: { maxSockets: number }): Upstream {
  const byName = new Map(endpoints.map((e) => [e.name, e]))
  const pools = new Map(endpoints.map((e) => [e.name, createRawPool(e.host, e.port, opts.maxSockets, MAX_REPLY_BYTES)]))
  // Fixed per node; the credentials exist only inside this string.
  const headers = new Map(
    endpoints.map((e) => [
      e.name,
      (e.auth ? `Authorization: Basic ${Buffer.from(e.auth, 'utf8').toString('base64')}\r\n` : '') + 'Content-Type: application/json\r\n',
    ]),
  )

  const post = async (node: string, body: string, timeoutMs: number): Promise<Raw> => {
    const ep = byName.get(node)
    const pool = pools.get(node)
    if (!ep || !pool) throw new UpstreamFailure(upstreamUnavailable(node))
    try {
      const r = await pool.post(ep.path || '/', headers.get(node)!, body, timeoutMs)
      return { status: r.status, text: r.body.toString('utf8') }
    } catch (e) {
      const kind = e instanceof RawHttpError ? e.kind : 'connection'
      if (kind === 'timeout') throw new UpstreamFailure(upstreamTimeout(node, timeoutMs))
      throw new UpstreamFailure(upstreamUnavailable(node, kind === 'connection' ? 503 : 502))
    }
  }

  const toReply = (node: string, raw: Raw): NodeReply => {
    // 401/403: wrong credentials or -rpcallowip; the client only learns the node is unusable.
    if (raw.status === 401 || raw.status === 403) throw new UpstreamFailure(upstreamUnavailable(node, 502))
    if (raw.status === 500 && raw.text.startsWith('Work queue depth exceeded')) throw new UpstreamFailure(upstreamBusy(node))
    const body = raw.text.trimEnd()
    let error: RpcErrorObject | null = null
    if (raw.status !== 200) {
      try {
        const parsed = JSON.parse(body) as { error?: RpcErrorObject | null }
        error = parsed?.error ?? null
      } catch {
        error = null
      }
      if (!error || typeof error.code !== 'number') throw new UpstreamFailure(upstreamUnavailable(node, 502))
    } else if (!body.startsWith('{')) throw new UpstreamFailure(upstreamUnavailable(node, 502))
    return { status: raw.status, body, error }
  }

  let cachedParams: { at: number; value: Record<string, unknown> } | null = null
  const firstNode = endpoints[0]?.name ?? 'miner'

  const rpc = async (node: string, method: string, timeoutMs: number): Promise<{ result: unknown; error: RpcErrorObject | null }> => {
    const reply = toReply(node, await post(node, serializeCall({ method, params: [], id: 'gateway' }), timeoutMs))
    return JSON.parse(reply.body) as { result: unknown; error: RpcErrorObject | null }
  }

  return {
    kind: 'komodod',
    nodes: endpoints.map((e) => e.name),
    async call(node: string, call: Call, timeoutMs: number) {
      return toReply(node, await post(node, serializeCall(call), timeoutMs))
    },
    async health(timeoutMs) {
      let height: number | undefined
      for (const node of endpoints.map((e) => e.name)) {
        try {
          const r = await rpc(node, 'getblockcount', timeoutMs)
          if (r.error) return { ok: false, detail: `${node}: ${r.error.message}` }
          if (node === firstNode) height = Number(r.result)
        } catch (e) {
          return { ok: false, detail: e instanceof UpstreamFailure ? e.message : `${node}: unavailable` }
        }
      }
      return { ok: true, detail: 'komodod nodes answering', height }
    },
    async chainParams() {
      if (cachedParams && performance.now() - cachedParams.at < 10_000) return cachedParams.value
      try {
        const r = await rpc(firstNode, 'getinfo', 5_000)
        if (r.error || !r.result || typeof r.result !== 'object') return cachedParams?.value ?? null
        const info = r.result as Record<string, unknown>
        const keep = ['name', 'version', 'KMDversion', 'p2pport', 'rpcport', 'magic', 'premine', 'CCid', 'reward', 'halving', 'decay', 'endsubsidy', 'testnet']
        const value = withoutSecrets(Object.fromEntries(keep.filter((k) => k in info).map((k) => [k, info[k]]))) as Record<string, unknown>
        cachedParams = { at: performance.now(), value }
        return value
      } catch {
        return cachedParams?.value ?? null
      }
    },
    async close() {
      for (const pool of pools.values()) pool.close()
    },
  }
}
