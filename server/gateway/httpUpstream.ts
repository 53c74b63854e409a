/**
 * komodod over HTTP with Basic auth, through undici's keep-alive Pool (maintained by Node's own
 * team; it replaced a hand-written HTTP/1.1 client). Replies are read as a stream under the
 * gateway's byte cap and budget. Credentials live only in the Authorization header built here;
 * every message this file produces names the node, never its URL.
 */
import type { RpcErrorObject } from '../../protocol/jsonrpc.ts'
import { upstreamBusy, upstreamTimeout, upstreamUnavailable } from './errors.ts'
import type { Call } from './parse.ts'
import { serializeCall } from './parse.ts'
import type { CallOptions, Health, NodeReply, Upstream } from './upstream.ts'
import { UpstreamFailure, withoutSecrets } from './upstream.ts'
import type { ByteBudget } from './budget.ts'
import { ReplyCut, createByteBudget } from './budget.ts'
import { Pool } from 'undici'
import type { Dispatcher } from 'undici'
import type { Coalescer, RawReply } from './coalesce.ts'
import { createCoalescer } from './coalesce.ts'

export interface NodeEndpoint {
  name: string
  host: string
  port: number
  /** komodod answers on "/"; the devchain's HTTP face serves extra nodes on "/node/<name>". */
  path?: string
  /** "user:password", or empty for no auth. */
  auth: string
}

/**
 * One POST through undici's dispatch API: the reply's bytes come to onResponseData as they arrive,
 * each chunk taken from the budget and counted against the cap; past either, the request is aborted
 * (undici closes that socket) and nothing more is read. `request()` would wrap every reply in a
 * Readable stream, an AsyncResource and an async iterator: a third of the upstream client's CPU
 * per call in the relay bench, for replies that are read whole anyway.
 */
function dispatchPost(pool: Pool, options: Dispatcher.DispatchOptions, call: CallOptions): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let status = 0
    let settled = false
    let controller: Dispatcher.DispatchController | null = null
    const { signal } = call
    const onAbort = (): void => fail(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
    const settle = (): boolean => {
      if (settled) return false
      settled = true
      signal?.removeEventListener('abort', onAbort)
      return true
    }
    /** Ends the call with `e`; bytes already taken go back to the budget, the request is stopped. */
    const fail = (e: Error): void => {
      if (!settle()) return
      call.budget.give(size)
      reject(e)
      controller?.abort(e)
    }
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    pool.dispatch(options, {
      onRequestStart(c) {
        controller = c
        if (settled) c.abort(new Error('aborted'))
      },
      onResponseStart(_c, statusCode) {
        status = statusCode
      },
      onResponseData(_c, chunk) {
        if (settled) return
        if (size + chunk.length > call.maxBytes) return fail(new ReplyCut('too-large'))
        if (!call.budget.take(chunk.length)) return fail(new ReplyCut('budget'))
        size += chunk.length
        chunks.push(chunk)
      },
      onResponseEnd() {
        if (!settle()) return
        const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)
        resolve({ status, text: bytes.toString('utf8'), reserved: size })
      },
      onResponseError(_c, e) {
        fail(e)
      },
    })
  })
}

export interface HttpUpstreamOptions {
  /** Keep-alive connections per node for cheap calls (the gateway's GATEWAY_CONCURRENCY). */
  maxSockets: number
  /** Connections per node for heavy calls, apart from the cheap ones (GATEWAY_HEAVY_CONCURRENCY). @default 2 */
  heavySockets?: number
  /** Most repeatable calls sent as one batch (coalesce.ts); 1 sends every call alone. @default 32 */
  maxBatch?: number
}

export function createHttpUpstream(endpoints: readonly NodeEndpoint[], opts: HttpUpstreamOptions): Upstream {
  const byName = new Map(endpoints.map((e) => [e.name, e]))
  const origin = (e: NodeEndpoint): string => `http://${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`
  // Two keep-alive pools per node, one per lane: a cheap call never queues for a socket behind a
  // slow heavy reply (pipelining 1: one request per socket at a time). undici retries nothing on
  // its own (a POST is not idempotent).
  const pool = (e: NodeEndpoint, connections: number): Pool => new Pool(origin(e), { connections, pipelining: 1, keepAliveTimeout: 30_000 })
  const pools = new Map(endpoints.map((e) => [e.name, { cheap: pool(e, opts.maxSockets), heavy: pool(e, opts.heavySockets ?? 2) }]))
  // Fixed per node; the credentials exist only inside these headers.
  const headers = new Map(
    endpoints.map((e) => [
      e.name,
      { 'content-type': 'application/json', ...(e.auth ? { authorization: `Basic ${Buffer.from(e.auth, 'utf8').toString('base64')}` } : {}) },
    ]),
  )

  const post = async (node: string, body: string, call: CallOptions): Promise<RawReply> => {
    const ep = byName.get(node)
    const lanes = pools.get(node)
    if (!ep || !lanes) throw new UpstreamFailure(upstreamUnavailable(node))
    // undici's own timers bound the wait for the reply's head and every pause in its body (a lane
    // has a socket free for each call the gateway lets in, so there is no wait for a connection);
    // they cost far less per call than an AbortSignal.timeout joined to the client's signal.
    try {
      return await dispatchPost(call.heavy ? lanes.heavy : lanes.cheap, {
        path: ep.path || '/', method: 'POST', headers: headers.get(node)!, body,
        headersTimeout: call.timeoutMs, bodyTimeout: call.timeoutMs,
      }, call)
    } catch (e) {
      if (e instanceof ReplyCut) throw e
      const code = (e as { code?: string } | null)?.code
      if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') throw new UpstreamFailure(upstreamTimeout(node, call.timeoutMs))
      // Refused, reset or closed mid-reply: the node is unusable for this call; never its URL.
      throw new UpstreamFailure(upstreamUnavailable(node, code === 'UND_ERR_SOCKET' || code === 'ECONNREFUSED' ? 503 : 502))
    }
  }

  /** Turns a raw reply into a NodeReply; gives the budget back itself when it refuses the reply. */
  const toReply = (node: string, raw: RawReply, budget: ByteBudget): NodeReply => {
    try {
      return checkReply(node, raw)
    } catch (e) {
      budget.give(raw.reserved)
      throw e
    }
  }

  const checkReply = (node: string, raw: RawReply): NodeReply => {
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
    return { status: raw.status, body, error, reserved: raw.reserved }
  }

  const coalescers = new Map<string, Coalescer>(
    endpoints.map((e) => [e.name, createCoalescer({
      node: e.name,
      post: (body, call) => post(e.name, body, call),
      reply: (raw, budget) => toReply(e.name, raw, budget),
      maxBatch: opts.maxBatch ?? 32,
    })]),
  )

  let cachedParams: { at: number; value: Record<string, unknown> } | null = null
  const firstNode = endpoints[0]?.name ?? 'miner'

  /** The gateway's own small calls (health, chain parameters), outside any client's budget. */
  const ownBudget = createByteBudget(1024 * 1024)
  const rpc = async (node: string, method: string, timeoutMs: number): Promise<{ result: unknown; error: RpcErrorObject | null }> => {
    const opts: CallOptions = { timeoutMs, maxBytes: ownBudget.limit, budget: ownBudget }
    const reply = toReply(node, await post(node, serializeCall({ method, params: [], id: 'gateway' }), opts), ownBudget)
    ownBudget.give(reply.reserved)
    return JSON.parse(reply.body) as { result: unknown; error: RpcErrorObject | null }
  }

  return {
    kind: 'komodod',
    nodes: endpoints.map((e) => e.name),
    async call(node: string, call: Call, opts: CallOptions) {
      const coalescer = coalescers.get(node)
      if (coalescer && opts.repeatable && !opts.heavy && !opts.signal) return coalescer.call(serializeCall(call), opts)
      return toReply(node, await post(node, serializeCall(call), opts), opts.budget)
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
      await Promise.all([...pools.values()].flatMap((lanes) => [lanes.cheap.destroy(), lanes.heavy.destroy()]))
    },
  }
}
