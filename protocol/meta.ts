/**
 * `GET /rpc/meta`: what the gateway says about its backend. The reader is tolerant: a missing
 * field falls back to a safe default so a page still renders against an older gateway.
 */
import { httpTransport, type Transport } from './transport.ts'

export interface ChainMeta {
  kind: 'devchain' | 'komodod' | 'unknown'
  /** The asset chain name (`-ac_name`). */
  chain: string
  rpcport: number | null
  nodes: string[]
  profile: string
  /** Allowed methods; empty when the gateway does not say. */
  methods: string[]
  /** Everything else the gateway reported about the chain, credential-free. */
  params: Record<string, unknown>
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {})

export function normalizeMeta(raw: unknown): ChainMeta {
  const m = obj(raw)
  const backend = obj(m.backend)
  const chain = obj(m.chain ?? m.chainParams ?? m.params)
  const kindRaw = String(m.kind ?? backend.kind ?? '')
  const kind = kindRaw === 'devchain' || kindRaw === 'komodod' ? kindRaw : 'unknown'
  const name = chain.name ?? chain.ac_name ?? m.name ?? (typeof m.chain === 'string' ? m.chain : '')
  const port = Number(chain.rpcport ?? chain.rpcPort ?? m.rpcport)
  const nodesRaw = Array.isArray(m.nodes) ? m.nodes : []
  const nodes = nodesRaw.map((n) => (typeof n === 'string' ? n : String(obj(n).name ?? ''))).filter(Boolean)
  const allowed = m.methods ?? m.allowedMethods ?? obj(m.profile).methods
  const methods = Array.isArray(allowed) ? allowed.map((x) => (typeof x === 'string' ? x : String(obj(x).name ?? ''))) : []
  const profile = typeof m.profile === 'string' ? m.profile : String(obj(m.profile).name ?? '')
  return {
    kind,
    chain: typeof name === 'string' && name ? name : 'DOCS',
    rpcport: Number.isInteger(port) && port > 0 ? port : null,
    nodes: nodes.length ? nodes : ['miner'],
    profile,
    methods,
    params: chain,
  }
}

/** Reads `/rpc/meta`; null when no gateway answers (a static deployment). */
export async function fetchMeta(base = '', fetchImpl?: typeof fetch, signal?: AbortSignal): Promise<ChainMeta | null> {
  return metaOf(httpTransport({ base, fetch: fetchImpl }), signal)
}

/** What a transport's backend says about itself; null when it does not answer. */
export async function metaOf(transport: Transport, signal?: AbortSignal): Promise<ChainMeta | null> {
  const raw = await transport.meta(signal)
  return raw === null || raw === undefined ? null : normalizeMeta(raw)
}
