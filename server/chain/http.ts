/**
 * komodod's HTTP JSON-RPC face (reference §1.1): POST `/` (the miner) or `/node/<name>`,
 * Basic auth, JSON-RPC 1.0 envelopes without a "jsonrpc" key, batches, and komodod's status
 * codes (400 for -32600, 404 for -32601, 500 for other errors, 200 for batches).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { handleRpcBody, internalError } from '../../devchain/rpc/body.ts'
import { serializeReply } from '../../devchain/rpc/amount.ts'
import type { DevchainCore } from '../../devchain/core.ts'

/** komodod's HTTP server refuses bodies over MAX_SIZE (0x02000000 bytes). */
const MAX_BODY = 0x02000000

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
      handleRpcBody(dc, node as string, text).then(
        (r) => {
          res.writeHead(r.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(r.body) }).end(r.body)
        },
        (e) => {
          const body = serializeReply({ result: null, error: internalError(e), id: null }) + '\n'
          res.writeHead(500, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body)
        },
      )
    })
  })
  server.keepAliveTimeout = 30_000
  return server
}
