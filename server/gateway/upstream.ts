/** What the gateway needs from a chain backend: the in-process devchain or komodod over HTTP. */
import type { RpcErrorObject } from '../../protocol/jsonrpc.ts'
import type { ByteBudget } from './budget.ts'
import type { GatewayError } from './errors.ts'
import type { Call } from './parse.ts'

/** One reply as the node wrote it: `body` is komodod's wire text (8-decimal amounts kept). */
export interface NodeReply {
  status: number
  body: string
  error: RpcErrorObject | null
  /** Bytes this reply holds of the budget; the gateway gives them back once the body is written. */
  reserved: number
}

export interface CallOptions {
  /** Including any wait for a connection. */
  timeoutMs: number
  /** The reply is cut (ReplyCut 'too-large') past this many bytes. */
  maxBytes: number
  /** Reply bytes are taken from it as they arrive (ReplyCut 'budget' when it is spent). */
  budget: ByteBudget
  /**
   * The client went away: stop the work where the backend allows it (a long `generate`, a slow reply).
   * The gateway passes it for heavy calls only; a cheap call is left to finish.
   */
  signal?: AbortSignal
  /**
   * The gateway's lane for this call (see cost.ts). An HTTP upstream keeps separate connections
   * per lane, so a cheap call never waits for a socket a slow heavy reply holds. @default 'cheap'
   */
  heavy?: boolean
  /**
   * The call only reads chain state: an HTTP upstream may send it in one batch with others, and
   * send it again alone when the batch's reply cannot be used (coalesce.ts). @default false
   */
  repeatable?: boolean
}

export interface Health {
  ok: boolean
  /** Short and credential-free; shown by /healthz. */
  detail: string
  height?: number
}

export interface Upstream {
  readonly kind: 'devchain' | 'komodod'
  readonly nodes: readonly string[]
  /** Answers node errors as replies; transport trouble throws UpstreamFailure, a cut reply ReplyCut. */
  call(node: string, call: Call, opts: CallOptions): Promise<NodeReply>
  health(timeoutMs: number): Promise<Health>
  /** Chain parameters, credential-free, or null while unknown. */
  chainParams(): Promise<Record<string, unknown> | null>
  close(): Promise<void>
}

/** Transport failure carrying the error the client gets (503/504/502). */
export class UpstreamFailure extends Error {
  constructor(readonly error: GatewayError) {
    super(error.message)
    this.name = 'UpstreamFailure'
  }
}

const SECRET_KEY = /user|pass|secret|auth|cookie|priv|wif|seed|mnemonic|credential/i

/** Deep copy without any key that could name a credential; for /rpc/meta. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (!SECRET_KEY.test(k) || k === 'pubkey') out[k] = withoutSecrets(v, depth + 1)
  }
  return out
}
