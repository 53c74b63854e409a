/**
 * Gateway configuration from the environment. Every limit has a safe default; a bad value stops
 * start-up with a message naming the variable (never its value, which may hold a password).
 */
import type { NodeEndpoint } from './httpUpstream.ts'
import type { ProfileName } from './policy.ts'
import { isProfileName } from './policy.ts'
import type { AddressList, TrustedProxies } from './clientIp.ts'
import { parseAddressList, parseTrustedProxies } from './clientIp.ts'

export interface GatewayLimits {
  /** Request body bytes (413 beyond). */
  maxBody: number
  /** Calls per batch (400 beyond). */
  maxBatch: number
  /** JSON nesting depth (parse error beyond). */
  maxDepth: number
  /** Token bucket per client: calls per second (0 = off) and burst. */
  ratePerSec: number
  rateBurst: number
  /** Per upstream call, including the wait for a concurrency slot. */
  upstreamTimeoutMs: number
  /** Cheap calls in flight per upstream node, and calls allowed to wait for a slot. */
  concurrency: number
  queue: number
  /**
   * Heavy calls (address index, block dumps, mining, CC builds: see cost.ts) in flight per node.
   * The in-process devchain defaults to IN_PROCESS_HEAVY_CONCURRENCY instead.
   */
  heavyConcurrency: number
  /** Calls one client may have waiting per node and lane. */
  queuePerClient: number
  /** Reply bytes per call, and per batch (all its replies), before the reply is cut with an error. */
  maxReply: number
  maxBatchReply: number
  /** Reply bytes held by the gateway at once, all clients together. */
  maxInflightBytes: number
  /** Blocks one `generate` may ask for, in every profile. */
  maxGenerate: number
  /** Open connections, all clients together, and per client (IPv4 address or IPv6 /64). */
  maxConnections: number
  connectionsPerClient: number
}

export interface GatewayEnvConfig {
  profile: ProfileName
  /** Empty: the in-process devchain. */
  nodes: NodeEndpoint[]
  limits: GatewayLimits
  trustedProxies: TrustedProxies
  /** Exact origins allowed cross-origin; empty = same origin only. */
  corsOrigins: string[]
  /** Host names accepted by the local profile (null = loopback names and loopback IP literals). */
  allowedHosts: string[] | null
  /** Peers the local profile answers besides loopback (GATEWAY_ALLOWED_PEERS). */
  allowedPeers: AddressList
  logLevel: string
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxBody: 64 * 1024,
  maxBatch: 20,
  maxDepth: 32,
  ratePerSec: 10,
  rateBurst: 40,
  upstreamTimeoutMs: 30_000,
  concurrency: 8,
  queue: 64,
  heavyConcurrency: 2,
  queuePerClient: 16,
  maxReply: 4 * 1024 * 1024,
  maxBatchReply: 8 * 1024 * 1024,
  maxInflightBytes: 64 * 1024 * 1024,
  maxGenerate: 1_000,
  maxConnections: 512,
  connectionsPerClient: 16,
}

/**
 * The in-process devchain runs every call on the gateway's own thread: two heavy calls there only
 * take turns, and each one running lengthens a cheap call's wait by a slice and adds its garbage to
 * the heap. One at a time answered them as fast, and halved another client's getblockcount wait
 * (bench/gatewayLoad.bench.ts).
 */
export const IN_PROCESS_HEAVY_CONCURRENCY = 1

type Env = Record<string, string | undefined>

const NODE_NAME = /^[a-z][a-z0-9_-]{0,31}$/

function intVar(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}`)
  return n
}

const envKey = (node: string): string => node.toUpperCase().replace(/-/g, '_')

/**
 * KOMODO_NODES="miner=http://user:pass@host:port,reader=http://host2:port". Credentials come from
 * the URL, else KOMODO_<NODE>_RPC_USER/_RPC_PASSWORD, else KOMODO_RPC_USER/KOMODO_RPC_PASSWORD.
 */
export function parseNodes(env: Env): NodeEndpoint[] {
  const spec = env.KOMODO_NODES?.trim()
  if (!spec) return []
  const nodes: NodeEndpoint[] = []
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=')
    const name = eq > 0 ? entry.slice(0, eq).trim() : ''
    if (!NODE_NAME.test(name)) throw new Error('KOMODO_NODES: each entry must be name=http://host:port with a lower-case name')
    if (nodes.some((n) => n.name === name)) throw new Error(`KOMODO_NODES: node "${name}" listed twice`)
    let url: URL
    try {
      url = new URL(entry.slice(eq + 1).trim())
    } catch {
      throw new Error(`KOMODO_NODES: node "${name}" has an invalid URL`)
    }
    if (url.protocol !== 'http:') throw new Error(`KOMODO_NODES: node "${name}" must use http:// (komodod speaks plain HTTP)`)
    if (!url.port) throw new Error(`KOMODO_NODES: node "${name}" needs an explicit port`)
    const user = decodeURIComponent(url.username) || env[`KOMODO_${envKey(name)}_RPC_USER`] || env.KOMODO_RPC_USER || ''
    const pass = decodeURIComponent(url.password) || env[`KOMODO_${envKey(name)}_RPC_PASSWORD`] || env.KOMODO_RPC_PASSWORD || ''
    nodes.push({
      name,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port),
      path: url.pathname || '/',
      auth: user || pass ? `${user}:${pass}` : '',
    })
  }
  return nodes
}

export function configFromEnv(env: Env = process.env): GatewayEnvConfig {
  const profile = env.GATEWAY_PROFILE?.trim() || 'local'
  if (!isProfileName(profile)) throw new Error('GATEWAY_PROFILE must be "local" or "public"')
  const nodes = parseNodes(env)
  const limits: GatewayLimits = {
    maxBody: intVar(env, 'GATEWAY_MAX_BODY', DEFAULT_LIMITS.maxBody, 256),
    maxBatch: intVar(env, 'GATEWAY_MAX_BATCH', DEFAULT_LIMITS.maxBatch, 1),
    maxDepth: intVar(env, 'GATEWAY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 4),
    ratePerSec: intVar(env, 'GATEWAY_RATE_PER_SEC', DEFAULT_LIMITS.ratePerSec, 0),
    rateBurst: intVar(env, 'GATEWAY_RATE_BURST', DEFAULT_LIMITS.rateBurst, 1),
    upstreamTimeoutMs: intVar(env, 'GATEWAY_UPSTREAM_TIMEOUT_MS', DEFAULT_LIMITS.upstreamTimeoutMs, 100),
    concurrency: intVar(env, 'GATEWAY_CONCURRENCY', DEFAULT_LIMITS.concurrency, 1),
    queue: intVar(env, 'GATEWAY_QUEUE', DEFAULT_LIMITS.queue, 0),
    heavyConcurrency: intVar(env, 'GATEWAY_HEAVY_CONCURRENCY', nodes.length ? DEFAULT_LIMITS.heavyConcurrency : IN_PROCESS_HEAVY_CONCURRENCY, 1),
    queuePerClient: intVar(env, 'GATEWAY_QUEUE_PER_CLIENT', DEFAULT_LIMITS.queuePerClient, 0),
    maxReply: intVar(env, 'GATEWAY_MAX_REPLY', DEFAULT_LIMITS.maxReply, 1024),
    maxBatchReply: intVar(env, 'GATEWAY_MAX_BATCH_REPLY', DEFAULT_LIMITS.maxBatchReply, 1024),
    maxInflightBytes: intVar(env, 'GATEWAY_MAX_INFLIGHT_BYTES', DEFAULT_LIMITS.maxInflightBytes, 65_536),
    maxGenerate: intVar(env, 'GATEWAY_MAX_GENERATE', DEFAULT_LIMITS.maxGenerate, 1),
    maxConnections: intVar(env, 'GATEWAY_MAX_CONNECTIONS', DEFAULT_LIMITS.maxConnections, 1),
    connectionsPerClient: intVar(env, 'GATEWAY_CONNECTIONS_PER_CLIENT', DEFAULT_LIMITS.connectionsPerClient, 1),
  }
  if (limits.maxReply > limits.maxInflightBytes) throw new Error('GATEWAY_MAX_REPLY must not exceed GATEWAY_MAX_INFLIGHT_BYTES')
  const corsOrigins = (env.GATEWAY_CORS_ORIGINS ?? '').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean)
  const hosts = (env.GATEWAY_ALLOWED_HOSTS ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)
  return {
    profile,
    allowedHosts: hosts.length ? hosts : null,
    allowedPeers: parseAddressList(env.GATEWAY_ALLOWED_PEERS ?? '', 'GATEWAY_ALLOWED_PEERS'),
    nodes,
    limits,
    trustedProxies: parseTrustedProxies(env.GATEWAY_TRUSTED_PROXIES ?? ''),
    corsOrigins,
    logLevel: env.GATEWAY_LOG_LEVEL?.trim() || 'info',
  }
}
