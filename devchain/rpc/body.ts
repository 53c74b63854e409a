/**
 * One JSON-RPC request body (single or batch) in, komodod's status and wire text out, as
 * src/httprpc.cpp HTTPReq_JSONRPC answers it (400 for -32600, 404 for -32601, 500 for other errors,
 * 200 for batches). The engine's one door: komodod's HTTP face (server/chain/http.ts) and the
 * in-page chain's Web Worker both hand it the bodies they receive.
 */
import { RpcError, RpcCode, httpStatusFor, type RpcId, type RpcReply } from '../../protocol/jsonrpc.ts'
import { serializeReply } from './amount.ts'

/** What answers calls: the core, or the `Devchain` facade. */
export interface RpcTarget {
  call(node: string, method: string, params: unknown[]): Promise<unknown>
}

export interface BodyResult {
  status: number
  body: string
}

/**
 * An engine bug (a JavaScript exception, not an RpcError): the caller gets komodod's envelope with
 * RPC_INTERNAL_ERROR (-32603, src/rpc/protocol.h) and no JavaScript text, which may quote paths or
 * data; the stack goes to the console (the operator's stderr, the reader's devtools).
 */
export function internalError(e: unknown): { code: number; message: string } {
  console.error(`devchain: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  return { code: RpcCode.INTERNAL_ERROR, message: 'Internal error' }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

async function execOne(dc: RpcTarget, node: string, req: unknown): Promise<RpcReply> {
  let id: RpcId = null
  try {
    if (!isObject(req)) throw new RpcError(RpcCode.INVALID_REQUEST, 'Invalid Request object')
    id = (req.id ?? null) as RpcId
    if (req.method === undefined) throw new RpcError(RpcCode.INVALID_REQUEST, 'Missing method')
    if (typeof req.method !== 'string') throw new RpcError(RpcCode.INVALID_REQUEST, 'Method must be a string')
    const params = req.params
    if (params !== undefined && params !== null && !Array.isArray(params)) throw new RpcError(RpcCode.INVALID_REQUEST, 'Params must be an array')
    const result = await dc.call(node, req.method, (params as unknown[] | null | undefined) ?? [])
    return { result: result === undefined ? null : result, error: null, id }
  } catch (e) {
    if (e instanceof RpcError) return { result: null, error: { code: e.code, message: e.message }, id }
    return { result: null, error: internalError(e), id }
  }
}

/**
 * A reply's wire text. Most calls answer a number, a string or null: printed directly, since
 * serializeReply's replacer (for 8-decimal amounts) costs more than the rest of such a call.
 */
function replyText(reply: RpcReply): string {
  const r = reply.result
  const t = typeof r
  if (reply.error === null && (r === null || t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(r)))) {
    return `{"result":${JSON.stringify(r)},"error":null,"id":${JSON.stringify(reply.id) ?? 'null'}}`
  }
  return serializeReply(reply)
}

/** Runs one HTTP body (single request or batch) against a node; what komodod's HTTPReq_JSONRPC does. */
export async function handleRpcBody(dc: RpcTarget, node: string, text: string): Promise<BodyResult> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { status: 500, body: serializeReply({ result: null, error: { code: RpcCode.PARSE_ERROR, message: 'Parse error' }, id: null }) + '\n' }
  }
  if (Array.isArray(parsed)) {
    const replies: RpcReply[] = []
    for (const r of parsed) replies.push(await execOne(dc, node, r))
    return { status: 200, body: serializeReply(replies) + '\n' }
  }
  if (!isObject(parsed)) {
    return { status: 500, body: serializeReply({ result: null, error: { code: RpcCode.PARSE_ERROR, message: 'Top-level object parse error' }, id: null }) + '\n' }
  }
  const reply = await execOne(dc, node, parsed)
  return { status: httpStatusFor(reply.error), body: replyText(reply) + '\n' }
}
