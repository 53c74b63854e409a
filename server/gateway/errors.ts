/**
 * Errors the gateway itself produces, in komodod's envelope ({result:null, error:{code,message}, id}).
 *
 * Codes, chosen so a komodod client needs no new cases:
 * - komodod's own codes where komodod would say the same thing: -32700 parse, -32600 invalid request,
 *   -32601 unknown method (HTTP 404, exactly as komodod).
 * - A known method the active profile does not allow is also -32601 (for a client the method "does
 *   not exist here"), but with its own message and HTTP 403 so logs and pages can tell it apart.
 * - Gateway conditions komodod has no code for use the JSON-RPC "server error" range -32000..-32099.
 */
import type { RpcErrorObject } from '../../protocol/jsonrpc.ts'
import { RpcCode, httpStatusFor } from '../../protocol/jsonrpc.ts'

export const GatewayCode = {
  /** Per-client token bucket empty (HTTP 429). */
  RATE_LIMITED: -32000,
  /** Upstream node unreachable or answered something that is not JSON-RPC (HTTP 503 / 502). */
  UPSTREAM_UNAVAILABLE: -32001,
  /** Upstream did not answer in time (HTTP 504). */
  UPSTREAM_TIMEOUT: -32002,
  /** Too many calls already waiting for this upstream (HTTP 503). */
  UPSTREAM_BUSY: -32003,
  /** Cross-origin request from an origin not on the allowlist (HTTP 403). */
  ORIGIN_NOT_ALLOWED: -32004,
  /** Host header not allowed: DNS-rebinding guard of the local profile (HTTP 403). */
  HOST_NOT_ALLOWED: -32005,
  /** The local profile answers loopback peers and GATEWAY_ALLOWED_PEERS only (HTTP 403). */
  PEER_NOT_ALLOWED: -32006,
  /** A reply grew past the per-call or per-batch cap and was cut (HTTP 500, as komodod's other errors). */
  REPLY_TOO_LARGE: -32007,
  /** The gateway's budget of reply bytes in flight is spent (HTTP 503). */
  GATEWAY_BUSY: -32008,
} as const

/** An error with the HTTP status the gateway answers it with (single, non-batch replies). */
export interface GatewayError extends RpcErrorObject {
  status: number
}

export function gatewayError(code: number, message: string, status: number): GatewayError {
  return { code, message, status }
}

export const parseError = (message = 'Parse error'): GatewayError =>
  gatewayError(RpcCode.PARSE_ERROR, message, 500)

export const invalidRequest = (message: string, status = 400): GatewayError =>
  gatewayError(RpcCode.INVALID_REQUEST, message, status)

export const methodNotFound = (): GatewayError => gatewayError(RpcCode.METHOD_NOT_FOUND, 'Method not found', 404)

export const methodRefused = (profile: string): GatewayError =>
  gatewayError(RpcCode.METHOD_NOT_FOUND, `Method not allowed by gateway profile "${profile}"`, 403)

export const methodNeverAllowed = (): GatewayError =>
  gatewayError(RpcCode.METHOD_NOT_FOUND, 'Method never allowed by the gateway (keys, wallet files or node control)', 403)

export const paramNeverAllowed = (param: string): GatewayError =>
  gatewayError(RpcCode.METHOD_NOT_FOUND, `Parameter "${param}" is never allowed by the gateway (private keys)`, 403)

export const rateLimited = (retryAfterS: number): GatewayError =>
  gatewayError(GatewayCode.RATE_LIMITED, `Rate limit exceeded; retry in ${retryAfterS} s`, 429)

export const upstreamUnavailable = (node: string, status = 503): GatewayError =>
  gatewayError(GatewayCode.UPSTREAM_UNAVAILABLE, `Node "${node}" is unavailable`, status)

export const upstreamTimeout = (node: string, ms: number): GatewayError =>
  gatewayError(GatewayCode.UPSTREAM_TIMEOUT, `Node "${node}" did not answer within ${ms} ms`, 504)

export const upstreamBusy = (node: string): GatewayError =>
  gatewayError(GatewayCode.UPSTREAM_BUSY, `Node "${node}" is busy; retry shortly`, 503)

export const originNotAllowed = (): GatewayError =>
  gatewayError(GatewayCode.ORIGIN_NOT_ALLOWED, 'Cross-origin requests from this origin are not allowed', 403)

export const hostNotAllowed = (): GatewayError =>
  gatewayError(GatewayCode.HOST_NOT_ALLOWED, 'Host not allowed; set GATEWAY_ALLOWED_HOSTS', 403)

export const peerNotAllowed = (): GatewayError =>
  gatewayError(GatewayCode.PEER_NOT_ALLOWED, 'This gateway (profile "local") answers this machine only; set GATEWAY_ALLOWED_PEERS to admit other addresses', 403)

/** `variable` is the setting that raises the cap (deploy/README.md says how). */
export const replyTooLarge = (cap: number, what: 'call' | 'batch', variable: string): GatewayError =>
  gatewayError(GatewayCode.REPLY_TOO_LARGE, `Reply too large: over the gateway's cap of ${cap} bytes per ${what} (${variable})`, 500)

export const gatewayBusy = (): GatewayError =>
  gatewayError(GatewayCode.GATEWAY_BUSY, 'Gateway busy: too many reply bytes in flight; retry shortly', 503)

export const generateTooMany = (max: number): GatewayError =>
  gatewayError(RpcCode.INVALID_PARAMETER, `generate: at most ${max} blocks per call through this gateway (GATEWAY_MAX_GENERATE)`, 500)

export const addressRepeated = (method: string): GatewayError =>
  gatewayError(RpcCode.INVALID_PARAMETER, `${method}: an address is listed more than once; this gateway answers each address once per call`, 500)

/** komodod's status for an error that came from the node itself. */
export const statusOfNodeError = (error: RpcErrorObject | null): number => httpStatusFor(error)

/** One reply object as komodod writes it: key order result, error, id; no "jsonrpc". */
export function errorBody(error: RpcErrorObject, id: unknown = null): string {
  return JSON.stringify({ result: null, error: { code: error.code, message: error.message }, id })
}
