/**
 * The gateway as a Node request handler: routes, limits, policy, forwarding, logs and counters.
 * Mount it in any http server or connect-style stack: `handle(req, res, next)` answers /rpc,
 * /rpc/<node>, /rpc/meta and /healthz, and passes everything else to `next` (or answers 404).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GatewayLimits } from './config.ts'
import { DEFAULT_LIMITS, IN_PROCESS_HEAVY_CONCURRENCY } from './config.ts'
import type { Server } from 'node:http'
import type { AddressList, TrustedProxies } from './clientIp.ts'
import { clientIp, clientKey, isLoopback, parseAddressList, parseTrustedProxies } from './clientIp.ts'
import type { ByteBudget } from './budget.ts'
import { ReplyCut, createByteBudget } from './budget.ts'
import type { ConnectionGuard } from './connections.ts'
import { guardConnections } from './connections.ts'
import { isHeavyMethod, isRepeatableMethod, repeatsAnAddress, upstreamTimeoutFor } from './cost.ts'
import { answerPreflight, checkOrigin, hostAllowed, setCorsHeaders } from './cors.ts'
import { readBody } from './body.ts'
import type { GatewayError } from './errors.ts'
import {
  GatewayCode, addressRepeated, errorBody, gatewayBusy, gatewayError, generateTooMany, hostNotAllowed, invalidRequest, originNotAllowed, peerNotAllowed,
  rateLimited, replyTooLarge, upstreamBusy, upstreamTimeout, upstreamUnavailable,
} from './errors.ts'
import { createGate } from './concurrency.ts'
import { ClientExit } from './clientExit.ts'
import type { Gate } from './concurrency.ts'
import type { Logger } from './log.ts'
import { createLogger, logMethod, redactValue } from './log.ts'
import type { Call, ParsedItem } from './parse.ts'
import { parseBody } from './parse.ts'
import type { Policy, ProfileName } from './policy.ts'
import { createPolicy } from './policy.ts'
import { createRateLimiter } from './rateLimit.ts'
import type { NodeReply, Upstream } from './upstream.ts'
import { UpstreamFailure } from './upstream.ts'

export interface GatewayOptions {
  upstream: Upstream
  /** Default "local". */
  profile?: ProfileName
  limits?: Partial<GatewayLimits>
  trustedProxies?: TrustedProxies
  /** Origins allowed cross-origin; default none (same origin only). */
  corsOrigins?: readonly string[]
  /**
   * Host names the local profile answers (DNS-rebinding guard); default loopback names and IP
   * literals. The public profile exposes nothing private, so it answers any Host.
   */
  allowedHosts?: readonly string[] | null
  /**
   * Peers the local profile answers besides loopback (the Docker host's bridge address, a LAN
   * range). The client address is the one clientIp() finds (X-Forwarded-For only via trusted proxies).
   */
  allowedPeers?: AddressList
  /** Default: pino on stdout at "info". */
  logger?: Logger
}

export interface GatewayCounters {
  /** HTTP requests to /rpc and /rpc/<node>. */
  requests: number
  /** Calls forwarded to a node. */
  calls: number
  /** Calls or requests refused by the policy or a limit (origin, rate, size, batch, queue). */
  refusals: number
  /** Calls answered with an error: bad envelope, node error, or unreachable node. */
  errors: number
  /** Subset of errors: the node could not be reached or did not answer in time. */
  upstreamFailures: number
  /** Replies cut at a byte cap or for lack of budget. */
  cutReplies: number
  /** Calls whose client left before the answer (a running `generate` is stopped). */
  cancelled: number
}

export type Next = (err?: unknown) => void

export interface Gateway {
  handle(req: IncomingMessage, res: ServerResponse, next?: Next): void
  readonly policy: Policy
  readonly upstream: Upstream
  readonly counters: Readonly<GatewayCounters>
  /** The /rpc/meta document. */
  meta(): Promise<Record<string, unknown>>
  /** Applies the connection caps (maxConnections, per client) to the server it is mounted in. */
  attach(server: Server): ConnectionGuard
  /** Reply bytes held right now (the global budget's use). */
  readonly bytesInFlight: number
  close(): Promise<void>
}

const JSON_HEADERS = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const

function send(res: ServerResponse, status: number, body: string, extra?: Record<string, string>, done?: () => void): void {
  if (res.headersSent || res.destroyed) {
    done?.()
    return
  }
  const text = body + '\n'
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text), ...extra })
  res.end(text, done)
}

/** Resolves once `text` is handed to the socket (or the socket is gone), waiting out backpressure. */
function write(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve()
    const ok = res.write(text, () => resolve())
    if (!ok) res.once('close', resolve)
  })
}

/** Tells a timeout from a full queue when a concurrency slot is not granted. */
const gateRefusal = (node: string, waitedMs: number, timeoutMs: number): GatewayError =>
  waitedMs >= timeoutMs ? upstreamTimeout(node, timeoutMs) : upstreamBusy(node)

export function createGateway(opts: GatewayOptions): Gateway {
  const { upstream } = opts
  // Two lanes per node: heavy calls wait apart, so a flood of them never queues a cheap call. The
  // in-process devchain runs on this thread: its heavy lane lets the sockets be read between calls,
  // and runs one call at a time unless told otherwise.
  const inProcess = upstream.kind === 'devchain'
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...(inProcess ? { heavyConcurrency: IN_PROCESS_HEAVY_CONCURRENCY } : {}), ...opts.limits }
  const trusted = opts.trustedProxies ?? parseTrustedProxies('')
  const corsOrigins = opts.corsOrigins ?? []
  const log = opts.logger ?? createLogger('info')
  const allowedPeers = opts.allowedPeers ?? parseAddressList('', 'GATEWAY_ALLOWED_PEERS')
  const policy = createPolicy({ profile: opts.profile ?? 'local', devchain: upstream.kind === 'devchain' })
  const limiter = createRateLimiter({ ratePerSec: limits.ratePerSec, burst: limits.rateBurst })
  const budget: ByteBudget = createByteBudget(limits.maxInflightBytes)
  const lane = (maxActive: number): Gate =>
    createGate({ maxActive, maxWaiting: limits.queue, maxWaitingPerClient: limits.queuePerClient, yieldBetween: inProcess })
  const gates = new Map<string, { cheap: Gate; heavy: Gate }>(
    upstream.nodes.map((n) => [n, { cheap: lane(limits.concurrency), heavy: lane(limits.heavyConcurrency) }]),
  )
  const defaultNode = upstream.nodes.includes('miner') ? 'miner' : upstream.nodes[0]
  const counters: GatewayCounters = { requests: 0, calls: 0, refusals: 0, errors: 0, upstreamFailures: 0, cutReplies: 0, cancelled: 0 }
  // The same few Host values arrive on every call: remember each verdict (parsing a URL per call
  // cost more than the rest of the checks). Bounded, so odd Hosts cannot grow it.
  const hostVerdicts = new Map<string, boolean>()
  const hostIsAllowed = (host: string | undefined): boolean => {
    if (host === undefined) return hostAllowed(host, opts.allowedHosts ?? null)
    let ok = hostVerdicts.get(host)
    if (ok === undefined) {
      ok = hostAllowed(host, opts.allowedHosts ?? null)
      if (hostVerdicts.size >= 256) hostVerdicts.clear()
      hostVerdicts.set(host, ok)
    }
    return ok
  }

  /**
   * Forwards one checked call; node errors are replies, transport trouble and cut replies become
   * gateway errors. `cap` is what the reply may still take (the per-call cap, or less in a batch).
   */
  const forward = async (node: string, call: Call, client: string, cap: number, exit: ClientExit): Promise<NodeReply | GatewayError> => {
    const nodeGates = gates.get(node)!
    const heavy = isHeavyMethod(call.method)
    const gate = heavy ? nodeGates.heavy : nodeGates.cheap
    const limitMs = upstreamTimeoutFor(call.method, limits.upstreamTimeoutMs)
    const started = performance.now()
    const release = await gate.enter(client, limitMs)
    const waited = performance.now() - started
    if (!release) return gateRefusal(node, waited, limitMs)
    if (exit.gone) {
      release()
      return upstreamUnavailable(node)
    }
    try {
      counters.calls++
      const signal = heavy ? exit.signal : undefined
      const repeatable = !heavy && isRepeatableMethod(call.method)
      return await upstream.call(node, call, { timeoutMs: Math.max(1, Math.round(limitMs - waited)), maxBytes: cap, budget, signal, heavy, repeatable })
    } catch (e) {
      if (e instanceof ReplyCut) {
        counters.cutReplies++
        if (e.reason === 'budget') return gatewayBusy()
        return cap < limits.maxReply ? replyTooLarge(limits.maxBatchReply, 'batch', 'GATEWAY_MAX_BATCH_REPLY') : replyTooLarge(limits.maxReply, 'call', 'GATEWAY_MAX_REPLY')
      }
      // The upstream was given what was left after the queue; the client hears the configured limit.
      if (e instanceof UpstreamFailure) return e.error.code === GatewayCode.UPSTREAM_TIMEOUT ? upstreamTimeout(node, limitMs) : e.error
      // An upstream bug must not leak its message (it might quote a URL); log it, answer 503.
      log.error({ node, err: e instanceof Error ? e.name : typeof e }, 'upstream threw')
      return upstreamUnavailable(node)
    } finally {
      release()
    }
  }

  /** `generate` asks for a count of blocks: bounded here in every profile, whatever the node allows. */
  const overGenerate = (call: Call): boolean =>
    call.method === 'generate' && typeof call.params[0] === 'number' && call.params[0] > limits.maxGenerate

  interface Outcome {
    status: number
    body: string
    /** Budget bytes to give back once the body is written. */
    reserved: number
    /** The error code, if the call failed. */
    code?: number
  }

  const runItem = async (node: string, item: ParsedItem, client: string, cap: number, exit: ClientExit): Promise<Outcome> => {
    const started = performance.now()
    let outcome: Outcome
    let code: number | undefined
    let refused = false
    if (item.error) {
      code = item.error.code
      counters.errors++
      outcome = { status: item.error.status, body: errorBody(item.error, item.id), reserved: 0 }
    } else {
      const refusal = policy.check(item.call.method, item.call.params) ??
        (overGenerate(item.call) ? generateTooMany(limits.maxGenerate) : undefined) ??
        (repeatsAnAddress(item.call.method, item.call.params) ? addressRepeated(item.call.method) : undefined)
      if (refusal) {
        refused = true
        code = refusal.code
        counters.refusals++
        outcome = { status: refusal.status, body: errorBody(refusal, item.id), reserved: 0 }
      } else {
        const r = await forward(node, item.call, client, cap, exit)
        if ('body' in r) {
          if (r.error) {
            counters.errors++
            code = r.error.code
          }
          outcome = { status: r.status, body: r.body, reserved: r.reserved }
        } else {
          counters.errors++
          if (r.code !== GatewayCode.REPLY_TOO_LARGE && r.code !== GatewayCode.GATEWAY_BUSY) counters.upstreamFailures++
          code = r.code
          outcome = { status: r.status, body: errorBody(r, item.id), reserved: 0 }
        }
      }
    }
    log.info({
      method: logMethod(item.call?.method),
      node,
      ms: Math.round((performance.now() - started) * 100) / 100,
      status: outcome.status,
      code,
      client,
      // Refused calls may carry keys (importprivkey): their params are never logged.
      params: item.call && !refused ? redactValue(item.call.params) : undefined,
    }, 'rpc')
    return { ...outcome, code }
  }

  const refuse = (res: ServerResponse, node: string | undefined, client: string, error: GatewayError, headers?: Record<string, string>): void => {
    counters.refusals++
    log.info({ node, status: error.status, code: error.code, client }, 'rpc refused')
    send(res, error.status, errorBody(error), headers)
  }

  const handleRpc = async (req: IncomingMessage, res: ServerResponse, nodePath: string | undefined, client: string): Promise<void> => {
    counters.requests++
    const node = nodePath === undefined ? defaultNode : nodePath
    if (!node || !gates.has(node)) {
      return refuse(res, undefined, client, invalidRequest(`Unknown node; this gateway serves: ${upstream.nodes.join(', ')}`, 404))
    }
    if (req.method !== 'POST') {
      return refuse(res, node, client, invalidRequest('JSONRPC server handles only POST requests', 405), { allow: 'POST' })
    }
    const wait = limiter.take(client)
    if (wait) return refuse(res, node, client, rateLimited(wait), { 'retry-after': String(wait) })
    const read = await readBody(req, limits.maxBody)
    if (!read.ok) {
      if (read.reason === 'aborted') return
      return refuse(res, node, client, invalidRequest(`Request body too large (limit ${limits.maxBody} bytes)`, 413), { connection: 'close' })
    }
    const parsed = parseBody(read.body, limits)
    if (parsed.kind === 'error') {
      counters.errors++
      log.info({ node, status: parsed.error.status, code: parsed.error.code, client }, 'rpc')
      return send(res, parsed.error.status, errorBody(parsed.error))
    }
    // The client leaving (socket closed before the answer is out) cancels what it asked for.
    const exit = new ClientExit()
    res.once('close', () => {
      if (!res.writableFinished) {
        counters.cancelled++
        exit.leave()
      }
    })
    if (parsed.kind === 'single') {
      const out = await runItem(node, parsed.item, client, limits.maxReply, exit)
      return send(res, out.status, out.body, undefined, () => budget.give(out.reserved))
    }
    // The first token was taken before the body was read; a batch pays for the rest of its calls.
    const more = parsed.items.length > 1 ? limiter.take(client, parsed.items.length - 1) : 0
    if (more) return refuse(res, node, client, rateLimited(more), { 'retry-after': String(more) })
    return runBatch(res, node, parsed.items, client, exit)
  }

  /**
   * A batch runs in order, one call after the other, as komodod runs it, and each reply is written
   * as soon as it exists, so the gateway never holds the whole array. Replies share the per-batch
   * cap: once it is spent, the call that passed it and every later one answer the cap error
   * (they are not run), and the array still closes as well-formed JSON. A call cut at the per-call
   * cap spends the bytes the gateway took in before cutting it: a batch of twenty huge calls runs
   * two of them, not twenty, whatever each one's reply would have been.
   */
  const runBatch = async (res: ServerResponse, node: string, items: ParsedItem[], client: string, exit: ClientExit): Promise<void> => {
    res.writeHead(200, { ...JSON_HEADERS })
    let left = limits.maxBatchReply
    let spent = false
    for (let i = 0; i < items.length && !res.destroyed; i++) {
      const item = items[i]
      let out: Outcome
      if (spent) out = { status: 500, body: errorBody(replyTooLarge(limits.maxBatchReply, 'batch', 'GATEWAY_MAX_BATCH_REPLY'), item.id), reserved: 0 }
      else {
        const cap = Math.min(limits.maxReply, left)
        out = await runItem(node, item, client, cap, exit)
        // Cut at its cap: the bytes read up to the cut count, so the batch may be spent.
        const size = out.code === GatewayCode.REPLY_TOO_LARGE ? cap : Buffer.byteLength(out.body)
        if (out.code === GatewayCode.REPLY_TOO_LARGE && cap < limits.maxReply) spent = true
        if (size > left) {
          budget.give(out.reserved)
          spent = true
          out = { status: 500, body: errorBody(replyTooLarge(limits.maxBatchReply, 'batch', 'GATEWAY_MAX_BATCH_REPLY'), item.id), reserved: 0 }
        } else {
          left -= size
          if (left < 64) spent = true
        }
      }
      await write(res, (i === 0 ? '[' : ',') + out.body)
      budget.give(out.reserved)
    }
    if (!res.destroyed) res.end(items.length ? ']\n' : '[]\n')
  }

  const meta = async (): Promise<Record<string, unknown>> => ({
    kind: upstream.kind,
    chain: await upstream.chainParams(),
    nodes: upstream.nodes,
    defaultNode,
    profile: policy.profile,
    methods: policy.allowed,
    limits: { ...limits },
    counters: { ...counters },
  })

  const health = async (res: ServerResponse): Promise<void> => {
    try {
      const h = await upstream.health(Math.min(5_000, limits.upstreamTimeoutMs))
      send(res, h.ok ? 200 : 503, JSON.stringify({ status: h.ok ? 'ok' : 'unavailable', backend: upstream.kind, detail: h.detail, height: h.height }))
    } catch {
      send(res, 503, JSON.stringify({ status: 'unavailable', backend: upstream.kind, detail: 'health check failed' }))
    }
  }

  const route = async (req: IncomingMessage, res: ServerResponse, next?: Next): Promise<void> => {
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q < 0 ? url : url.slice(0, q)
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, JSON.stringify({ status: 'method not allowed' }), { allow: 'GET' })
      return health(res)
    }
    if (path !== '/rpc' && !path.startsWith('/rpc/')) {
      if (next) return next()
      return send(res, 404, errorBody(gatewayError(-32600, 'Not found', 404)))
    }
    const peer = req.socket.remoteAddress ?? ''
    const client = clientIp(req, trusted)
    // `local` lets a caller spend the wallet and mine: this machine only, unless the operator says otherwise.
    if (policy.profile === 'local' && !isLoopback(client) && !allowedPeers.has(client)) {
      return refuse(res, undefined, client, peerNotAllowed())
    }
    const fwdHost = trusted.has(peer) ? (req.headers['x-forwarded-host'] as string | undefined)?.split(',')[0].trim() : undefined
    if (policy.profile === 'local' && !hostIsAllowed(fwdHost ?? req.headers.host)) {
      return refuse(res, undefined, client, hostNotAllowed())
    }
    const origin = checkOrigin(req, corsOrigins, fwdHost)
    if (!origin.allowed) return refuse(res, undefined, client, originNotAllowed())
    if (origin.cors) {
      if (req.method === 'OPTIONS') return answerPreflight(req, res, origin.cors)
      setCorsHeaders(res, origin.cors)
    }
    if (path === '/rpc/meta') {
      if (req.method !== 'GET') return send(res, 405, errorBody(invalidRequest('Use GET for /rpc/meta', 405)), { allow: 'GET' })
      return send(res, 200, JSON.stringify(await meta()))
    }
    const nodePath = path === '/rpc' ? undefined : decodeSafe(path.slice(5))
    return handleRpc(req, res, nodePath, clientKey(client))
  }

  return {
    policy,
    upstream,
    counters,
    meta,
    get bytesInFlight() {
      return budget.used
    },
    attach(server) {
      return guardConnections(server, limits, trusted)
    },
    handle(req, res, next) {
      route(req, res, next).catch((e: unknown) => {
        log.error({ err: e instanceof Error ? e.name : typeof e }, 'gateway failure')
        send(res, 500, errorBody(gatewayError(-32603, 'Internal error', 500)))
      })
    },
    async close() {
      await upstream.close()
      await new Promise<void>((resolve) => log.flush(() => resolve()))
    },
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
