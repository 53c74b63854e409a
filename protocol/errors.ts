/**
 * Everything a call can end in besides a result, as typed errors with a `kind` the UI switches on.
 * Messages here are English for logs; components word them from `kind` and the fields.
 */
import { RpcError } from './jsonrpc.ts'
import type { ParamIssue } from './validate.ts'

export type CallErrorKind = 'params' | 'rpc' | 'soft' | 'timeout' | 'aborted' | 'unavailable' | 'unknown-method'

/** The node answered with a JSON-RPC error (komodod's code and message, HTTP status kept). */
export class NodeRpcError extends RpcError {
  readonly kind = 'rpc' as const
  constructor(code: number, message: string, readonly status: number) {
    super(code, message)
    this.name = 'NodeRpcError'
  }
}

/** A CC method answered `{result:"error", error}` inside a successful reply. */
export class CcSoftError extends Error {
  readonly kind = 'soft' as const
  constructor(message: string, readonly result: unknown) {
    super(message)
    this.name = 'CcSoftError'
  }
}

/** The params failed the catalog's checks; nothing was sent. */
export class ParamsError extends Error {
  readonly kind = 'params' as const
  constructor(readonly method: string, readonly issues: ParamIssue[]) {
    super(`${method}: invalid params (${issues.map((i) => `${i.param || '#' + i.index} ${i.code}`).join(', ')})`)
    this.name = 'ParamsError'
  }
}

/** The method is not in the catalog, so the client refuses to send it. */
export class UnknownMethodError extends Error {
  readonly kind = 'unknown-method' as const
  constructor(readonly method: string) {
    super(`${method} is not in the method catalog`)
    this.name = 'UnknownMethodError'
  }
}

export class TimeoutError extends Error {
  readonly kind = 'timeout' as const
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`)
    this.name = 'TimeoutError'
  }
}

export class AbortedError extends Error {
  readonly kind = 'aborted' as const
  constructor() {
    super('call cancelled')
    this.name = 'AbortedError'
  }
}

/**
 * No chain answered: the network failed or something other than a JSON-RPC reply came back (a
 * static host answers 404/405 with HTML), or the in-page chain could not serve (its worker failed to
 * load, or another tab holds its storage: status 503). `where` is the endpoint called, or `page` for
 * the in-page chain, so the message says which chain failed. Where no chain can answer at all,
 * components show recorded replies instead.
 */
export class ChainUnavailableError extends Error {
  readonly kind = 'unavailable' as const
  constructor(readonly status: number, readonly detail: string, readonly where = '/rpc') {
    super(`no chain answered at ${where} (${status || 'network'}): ${detail}`)
    this.name = 'ChainUnavailableError'
  }
}

export type CallError =
  | NodeRpcError | CcSoftError | ParamsError | UnknownMethodError | TimeoutError | AbortedError | ChainUnavailableError

export function isCallError(e: unknown): e is CallError {
  return e instanceof NodeRpcError || e instanceof CcSoftError || e instanceof ParamsError
    || e instanceof UnknownMethodError || e instanceof TimeoutError || e instanceof AbortedError
    || e instanceof ChainUnavailableError
}
