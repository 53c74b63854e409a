/**
 * The JSON-RPC 1.0 client (browser and Node alike): catalog-checked params, a target node, typed
 * errors for JSON-RPC and CC soft errors, timeouts and cancellation. What carries the body is a
 * transport (transport.ts): this site's `/rpc`, a gateway's URL, or the in-page chain.
 */
import type { WireSpec } from './wireSpec.ts'
import type { RpcReply } from './jsonrpc.ts'
import {
  AbortedError, CcSoftError, ChainUnavailableError, NodeRpcError, ParamsError, TimeoutError, UnknownMethodError,
} from './errors.ts'
import type { MethodResult } from './types.ts'
import { validateParams } from './validate.ts'
import { DEFAULT_NODE, endpointFor, httpTransport, type Transport, type TransportReply } from './transport.ts'

export { DEFAULT_NODE, endpointFor }

/** One call, the object the snippets are generated from as well. */
export interface RpcCallRequest {
  method: string
  params: unknown[]
  /** Gateway node name; `undefined` or "miner" posts to `/rpc`. */
  node?: string
}

export interface RpcClientOptions {
  /** Where the gateway lives: '' for the same origin, or 'http://127.0.0.1:8080'. @default '' */
  base?: string
  /** @default 30000 */
  timeoutMs?: number
  /** Injected for tests and Node; @default globalThis.fetch */
  fetch?: typeof fetch
  /** What carries the bodies; @default an HTTP transport to `base` with `fetch` */
  transport?: Transport
  /** The methods this client checks params against: the site passes one that loads modules' specs on demand. @default komodod's core methods */
  catalog?: SpecSource
}

/** Where a client finds a method's spec: a catalog, or a source that fetches specs when first asked. */
export interface SpecSource {
  get(name: string): WireSpec | undefined | Promise<WireSpec | undefined>
}

/** The core catalog, imported when first asked: a page's client passes its own source, and never loads this. */
const coreCatalog: SpecSource = { get: (name) => import('./catalog.ts').then((c) => c.CORE_CATALOG.get(name)) }

export interface CallOptions {
  node?: string
  signal?: AbortSignal
  timeoutMs?: number
  /** Skip the catalog checks (only for methods the catalog does not describe). @default true */
  validate?: boolean
}

export interface CallOutcome<T> {
  result: T
  /** Wall time from send to parsed reply, in ms. */
  durationMs: number
  status: number
}

let nextId = 1

export class RpcClient {
  readonly transport: Transport
  private readonly timeoutMs: number
  private readonly catalog: SpecSource

  constructor(options: RpcClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.transport = options.transport ?? httpTransport({ base: options.base, fetch: options.fetch })
    this.catalog = options.catalog ?? coreCatalog
  }

  /** Typed call: the result type follows the method name (see `ResultOf`). */
  async call<M extends string>(method: M, params: unknown[] = [], options: CallOptions = {}): Promise<CallOutcome<MethodResult<M>>> {
    const spec = await this.catalog.get(method)
    if (options.validate !== false) {
      if (!spec) throw new UnknownMethodError(method)
      const issues = validateParams(spec, params)
      if (issues.length) throw new ParamsError(method, issues)
    }
    // Trailing undefined would serialize as null, which komodod reads as a given (wrong) value.
    const wire = trimTrailingUndefined(params)
    // The method's own wait (a proof-of-work) wins over the client's default, wherever it is called.
    const timeoutMs = options.timeoutMs ?? spec?.timeoutMs ?? this.timeoutMs
    const outer = options.signal
    if (outer?.aborted) throw new AbortedError()

    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = () => controller.abort()
    outer?.addEventListener('abort', onAbort, { once: true })

    const started = now()
    try {
      let res: TransportReply
      try {
        res = await this.transport.send(JSON.stringify({ jsonrpc: '1.0', id: nextId++, method, params: wire }), options.node, controller.signal)
      } catch (err) {
        throw this.transportError(err, timedOut, outer, timeoutMs, options.node)
      }
      const durationMs = now() - started
      const reply = parseReply(res.text)
      if (!reply || res.status === 502 || res.status === 503) {
        throw new ChainUnavailableError(res.status, reply?.error?.message ?? (res.contentType || 'not a JSON-RPC reply'), this.where(options.node))
      }
      if (reply.error) throw new NodeRpcError(reply.error.code, reply.error.message, res.status)
      const result = reply.result
      if (spec?.softErrors && isSoftError(result)) throw new CcSoftError(String(result.error), result)
      return { result: result as MethodResult<M>, durationMs, status: res.status }
    } finally {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onAbort)
    }
  }

  private transportError(err: unknown, timedOut: boolean, outer: AbortSignal | undefined, ms: number, node: string | undefined): Error {
    if (timedOut) return new TimeoutError(ms)
    if (outer?.aborted) return new AbortedError()
    return new ChainUnavailableError(0, err instanceof Error ? err.message : String(err), this.where(node))
  }

  /** What a failure message names: the endpoint called, or `page` for the in-page chain. */
  private where(node: string | undefined): string {
    return this.transport.kind === 'page' ? 'page' : endpointFor(node, this.transport.base ?? '')
  }
}

function trimTrailingUndefined(params: unknown[]): unknown[] {
  let end = params.length
  while (end > 0 && params[end - 1] === undefined) end--
  return params.slice(0, end)
}

function parseReply(text: string): RpcReply | null {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return null
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null
  if (!('result' in body) || !('error' in body)) return null
  return body as RpcReply
}

export function isSoftError(result: unknown): result is { result: 'error'; error: unknown } {
  return !!result && typeof result === 'object' && (result as { result?: unknown }).result === 'error'
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())
