/**
 * How a JSON-RPC body reaches a chain. The client (client.ts) builds the body, checks it against
 * the catalog and reads the reply; a transport only carries the text:
 * - `httpTransport`: POST to `<base>/rpc` (miner) or `<base>/rpc/<node>`, for "this site" (base '')
 *   and "your own node" (a gateway's URL);
 * - `messageTransport`: postMessage to the in-page chain's Web Worker, which answers with the
 *   status and text komodod's HTTP face would have sent.
 */

/** A reply as the chain's HTTP face would send it. */
export interface TransportReply {
  status: number
  text: string
  /** The reply's content type, for an error message when it is not JSON-RPC. */
  contentType?: string
}

export interface Transport {
  /** `http` for a gateway, `page` for the in-page chain. */
  readonly kind: 'http' | 'page'
  /** Where an http transport's gateway lives ('' for this site), for messages. @default '' */
  readonly base?: string
  /** Rejects only when nothing answered (network failure, abort); any reply resolves. */
  send(body: string, node: string | undefined, signal: AbortSignal): Promise<TransportReply>
  /** The backend's self-description (the gateway's `/rpc/meta`); null when it does not answer. */
  meta(signal?: AbortSignal): Promise<unknown>
}

export const DEFAULT_NODE = 'miner'

/** The endpoint of a node: `/rpc` is the miner, other nodes are `/rpc/<node>`. */
export function endpointFor(node?: string, base = ''): string {
  return !node || node === DEFAULT_NODE ? `${base}/rpc` : `${base}/rpc/${encodeURIComponent(node)}`
}

/**
 * A gateway's base from what a reader types: `http://127.0.0.1:8080/rpc`, `…:8080/rpc/`, `…:8080`
 * all name the gateway at `http://127.0.0.1:8080`. null for anything but an http(s) URL.
 */
export function gatewayBase(url: string): string | null {
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  if (u.username || u.password || u.search || u.hash) return null
  const path = u.pathname.replace(/\/+$/, '').replace(/\/rpc$/, '')
  return `${u.origin}${path}`
}

export interface HttpTransportOptions {
  /** Where the gateway lives: '' for the same origin, or 'http://127.0.0.1:8080'. @default '' */
  base?: string
  /** Injected for tests and Node; @default globalThis.fetch */
  fetch?: typeof fetch
}

export function httpTransport(options: HttpTransportOptions = {}): Transport {
  const base = (options.base ?? '').replace(/\/$/, '')
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  return {
    kind: 'http',
    base,
    async send(body, node, signal) {
      const res = await fetchImpl(endpointFor(node, base), {
        method: 'POST',
        // A "simple" request: no CORS preflight when the gateway is on another origin.
        headers: { 'content-type': 'text/plain;' },
        body,
        signal,
      })
      return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? undefined }
    },
    async meta(signal) {
      try {
        const res = await fetchImpl(`${base}/rpc/meta`, { signal, headers: { accept: 'application/json' } })
        if (!res.ok) return null
        return JSON.parse(await res.text()) as unknown
      } catch {
        return null
      }
    },
  }
}

/** The messages between the page and the in-page chain's worker. */
export type WorkerRequest =
  | { id: number; type: 'rpc'; node: string; body: string }
  | { id: number; type: 'meta' }
  | { id: number; type: 'control'; action: string; args?: unknown }
export type WorkerReply =
  | { id: number; type: 'rpc'; status: number; body: string }
  | { id: number; type: 'meta'; meta: unknown }
  | { id: number; type: 'control'; result?: unknown; error?: string }

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

/** What a Worker (or a MessagePort) offers. */
export interface MessageEndpoint {
  postMessage(message: unknown): void
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void
  addEventListener(type: 'error', fn: (e: Event) => void): void
}

export interface MessageTransport extends Transport {
  /** A chain control (reset, checkpoints): resolves with the worker's result. */
  control(action: string, args?: unknown): Promise<unknown>
}

/** JSON-RPC bodies over postMessage to the in-page chain. A worker that fails rejects every pending call. */
export function messageTransport(endpoint: MessageEndpoint): MessageTransport {
  let nextId = 1
  let broken: Error | null = null
  const pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>()
  endpoint.addEventListener('message', (e: MessageEvent) => {
    const reply = e.data as WorkerReply
    const p = pending.get(reply?.id)
    if (!p) return
    pending.delete(reply.id)
    p.resolve(reply)
  })
  endpoint.addEventListener('error', (e: Event) => {
    broken = new Error((e as ErrorEvent).message || 'the in-page chain stopped')
    for (const p of pending.values()) p.reject(broken)
    pending.clear()
  })
  const ask = (req: WithoutId<WorkerRequest>, signal?: AbortSignal): Promise<WorkerReply> => {
    if (broken) return Promise.reject(broken)
    const id = nextId++
    return new Promise<WorkerReply>((resolve, reject) => {
      const onAbort = () => {
        pending.delete(id)
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
      }
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
      pending.set(id, {
        resolve: (r) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(r)
        },
        reject,
      })
      endpoint.postMessage({ ...req, id })
    })
  }
  return {
    kind: 'page',
    async send(body, node, signal) {
      const r = await ask({ type: 'rpc', node: node ?? DEFAULT_NODE, body }, signal)
      return r.type === 'rpc' ? { status: r.status, text: r.body, contentType: 'application/json' } : { status: 500, text: '' }
    },
    async meta(signal) {
      try {
        const r = await ask({ type: 'meta' }, signal)
        return r.type === 'meta' ? r.meta : null
      } catch {
        return null
      }
    },
    async control(action, args) {
      const r = await ask({ type: 'control', action, args })
      if (r.type !== 'control') throw new Error('unexpected reply')
      if (r.error) throw new Error(r.error)
      return r.result
    },
  }
}
