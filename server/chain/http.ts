/**
 * komodod's HTTP JSON-RPC face (reference §1.1): POST `/` (the miner) or `/node/<name>`,
 * Basic auth, JSON-RPC 1.0 envelopes without a "jsonrpc" key, batches, and komodod's status
 * codes (400 for -32600, 404 for -32601, 500 for other errors, 200 for batches).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { RpcError, RpcCode, httpStatusFor, type RpcId, type RpcReply } from '../../protocol/jsonrpc.ts'
import { serializeReply } from '../../devchain/rpc/amount.ts'
import type { DevchainCore } from '../../devchain/core.ts'

/** komodod's HTTP server refuses bodies over MAX_SIZE (0x02000000 bytes). */
const MAX_BODY = 0x02000000

export interface HttpResult {
  status: number
  body: string
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

async function execOne(dc: DevchainCore, node: string, req: unknown): Promise<RpcReply> {
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
    const err = e instanceof RpcError ? e : new RpcError(RpcCode.MISC_ERROR, e instanceof Error ? e.message : String(e))
    return { result: null, error: { code: err.code, message: err.message }, id }
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
export async function handleHttpBody(dc: DevchainCore, node: string, text: string): Promise<HttpResult> {
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

export interface HttpOptions {
  host?: string
  port?: number
}

export function createHttpServer(dc: DevchainCore): Server {
  const expected = Buffer.from('Basic ' + Buffer.from(`${dc.params.rpcuser}:${dc.params.rpcpassword}`).toString('base64'))
  const authorized = (h: string | undefined): boolean => {
    if (!h) return false
    const got = Buffer.from(h)
    return got.length === expected.length && timingSafeEqual(got, expected)
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/'
    const path = url.split('?')[0]
    let node: string | null = null
    if (path === '/') node = 'miner'
    else {
      const m = /^\/node\/([A-Za-z0-9_-]+)\/?$/.exec(path)
      if (m && dc.nodes.includes(m[1])) node = m[1]
    }
    if (node === null) {
      res.writeHead(404).end()
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { 'Content-Type': 'text/plain' }).end('JSONRPC server handles only POST requests')
      return
    }
    if (!authorized(req.headers.authorization)) {
      req.resume()
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="jsonrpc"' }).end()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        res.writeHead(413).end()
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      if (size > MAX_BODY) return
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')
      handleHttpBody(dc, node as string, text).then(
        (r) => {
          res.writeHead(r.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(r.body) }).end(r.body)
        },
        (e) => {
          res.writeHead(500).end(String(e))
        },
      )
    })
  })
  server.keepAliveTimeout = 30_000
  return server
}
