/**
 * komodod's JSON-RPC 1.0 envelope, shared by the devchain, the gateway and the browser client.
 * Replies carry no "jsonrpc" key; see shared/reference/komodo-rpc.md §1.1.
 */

export type RpcId = string | number | null

export interface RpcRequest {
  method: string
  params: unknown[]
  id: RpcId
}

export interface RpcErrorObject {
  code: number
  message: string
}

export interface RpcReply<T = unknown> {
  result: T | null
  error: RpcErrorObject | null
  id: RpcId
}

/** komodod's error codes (src/rpc/protocol.h) that this project produces or interprets. */
export const RpcCode = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INTERNAL_ERROR: -32603,
  MISC_ERROR: -1,
  TYPE_ERROR: -3,
  WALLET_ERROR: -4,
  INVALID_ADDRESS_OR_KEY: -5,
  WALLET_INSUFFICIENT_FUNDS: -6,
  WALLET_INVALID_ACCOUNT_NAME: -11,
  INVALID_PARAMETER: -8,
  DESERIALIZATION_ERROR: -22,
  VERIFY_ERROR: -25,
  VERIFY_REJECTED: -26,
  VERIFY_ALREADY_IN_CHAIN: -27,
  IN_WARMUP: -28,
} as const

/** A JSON-RPC error as komodod reports it. Thrown by the devchain, raised by the client. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
    this.name = 'RpcError'
  }

  toJSON(): RpcErrorObject {
    return { code: this.code, message: this.message }
  }
}

/** HTTP status komodod uses for a single (non-batch) reply: src/httprpc.cpp JSONErrorReply. */
export function httpStatusFor(error: RpcErrorObject | null): number {
  if (!error) return 200
  if (error.code === RpcCode.INVALID_REQUEST) return 400
  if (error.code === RpcCode.METHOD_NOT_FOUND) return 404
  return 500
}

export function replyOf(id: RpcId, result: unknown): RpcReply {
  return { result, error: null, id }
}

export function errorReplyOf(id: RpcId, error: RpcErrorObject): RpcReply {
  return { result: null, error: { code: error.code, message: error.message }, id }
}
