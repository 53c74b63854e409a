/**
 * The gateway in front of "komodod over HTTP" (the devchain's komodod-compatible HTTP face, Basic
 * auth): credentials stay out of replies and logs, an upstream that goes away yields 503/504 and
 * the gateway recovers by itself when it returns.
 */
import http from 'node:http'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevchainCore } from '../../../devchain/index.ts'
import { createHttpUpstream, parseNodes } from '../../../server/gateway/index.ts'
import type { RunningGateway } from './support.ts'
import { RPC_PASSWORD, RPC_USER, devchainCore, devchainHttp, isErrorReply, listen, post, request, startGateway, stop } from './support.ts'

let core: DevchainCore
let http1: Awaited<ReturnType<typeof devchainHttp>>
let gw: RunningGateway

const nodesEnv = (port: number, password = RPC_PASSWORD) => ({
  KOMODO_NODES: `miner=http://${RPC_USER}:${password}@127.0.0.1:${port},reader=http://127.0.0.1:${port}/node/reader`,
  KOMODO_RPC_USER: RPC_USER,
  KOMODO_RPC_PASSWORD: password,
})

const gatewayFor = (port: number, password = RPC_PASSWORD, timeoutMs = 30_000) =>
  startGateway({ upstream: createHttpUpstream(parseNodes(nodesEnv(port, password)), { maxSockets: 8 }), limits: { ratePerSec: 0, upstreamTimeoutMs: timeoutMs } })

beforeAll(async () => {
  core = await devchainCore()
  http1 = await devchainHttp(core)
  gw = await gatewayFor(http1.port)
})

afterAll(async () => {
  await gw.close()
  await stop(http1.server)
  await core.close()
})

const secretsIn = (text: string) =>
  [RPC_PASSWORD, RPC_USER, Buffer.from(`${RPC_USER}:${RPC_PASSWORD}`).toString('base64')].filter((s) => text.includes(s))

describe('komodod over HTTP', () => {
  it('forwards to both nodes with Basic auth and keeps the wire text', async () => {
    const body = '{"method":"getinfo","params":[],"id":1}'
    const viaGateway = await post(`${gw.url}/rpc`, body)
    const direct = await post(`http://127.0.0.1:${http1.port}/`, body, { authorization: 'Basic ' + Buffer.from(`${RPC_USER}:${RPC_PASSWORD}`).toString('base64') })
    expect(viaGateway.status).toBe(200)
    expect(viaGateway.text).toBe(direct.text)
    const reader = await post(`${gw.url}/rpc/reader`, '{"method":"getnewaddress","id":2}')
    expect(reader.status).toBe(200)
    const owned = await post(`${gw.url}/rpc/reader`, JSON.stringify({ method: 'validateaddress', params: [(reader.json as { result: string }).result] }))
    expect((owned.json as { result: { ismine: boolean } }).result.ismine).toBe(true)
    const meta = await request('GET', `${gw.url}/rpc/meta`)
    expect(meta.json).toMatchObject({ kind: 'komodod', nodes: ['miner', 'reader'], chain: { name: 'DOCS' } })
    expect((meta.json as { methods: string[] }).methods).not.toContain('devchain_info')
    expect((await request('GET', `${gw.url}/healthz`)).status).toBe(200)
  })

  it('keeps node errors with komodod statuses', async () => {
    const r = await post(`${gw.url}/rpc`, '{"method":"getblock","params":["notahash"],"id":9}')
    expect(isErrorReply(r.json)).toBe(true)
    expect(r.status).toBe(500)
    expect(r.json).toMatchObject({ id: 9 })
  })

  it('never shows credentials in replies or logs, even when they are wrong', async () => {
    const wrong = await gatewayFor(http1.port, 'Wrong-pass-123456')
    try {
      const r = await post(`${wrong.url}/rpc`, '{"method":"getinfo","id":1}')
      expect(r.status).toBe(502)
      expect(r.json).toMatchObject({ error: { code: -32001, message: 'Node "miner" is unavailable' } })
      expect(r.text).not.toContain('Wrong-pass-123456')
      const h = await request('GET', `${wrong.url}/healthz`)
      expect(h.status).toBe(503)
      const all = [r.text, h.text, (await request('GET', `${wrong.url}/rpc/meta`)).text, ...wrong.logs].join('\n')
      expect(all).not.toContain('Wrong-pass-123456')
    } finally {
      await wrong.close()
    }
    const everything = [gw.logs.join('\n'), (await request('GET', `${gw.url}/rpc/meta`)).text, (await request('GET', `${gw.url}/healthz`)).text].join('\n')
    expect(secretsIn(everything)).toEqual([])
  })

  it('503 while the node is down, recovers by itself when it is back', async () => {
    const core2 = await devchainCore()
    let face = await devchainHttp(core2)
    const port = face.port
    const g = await gatewayFor(port)
    try {
      expect((await post(`${g.url}/rpc`, '{"method":"getblockcount"}')).status).toBe(200)
      await stop(face.server)
      const down = await post(`${g.url}/rpc`, '{"method":"getblockcount","id":5}')
      expect(down.status).toBe(503)
      expect(down.json).toEqual({ result: null, error: { code: -32001, message: 'Node "miner" is unavailable' }, id: 5 })
      expect((await request('GET', `${g.url}/healthz`)).status).toBe(503)
      face = await devchainHttp(core2, port)
      const back = await post(`${g.url}/rpc`, '{"method":"getblockcount"}')
      expect(back.status).toBe(200)
      expect((await request('GET', `${g.url}/healthz`)).status).toBe(200)
      expect(g.gateway.counters.upstreamFailures).toBeGreaterThanOrEqual(1)
      expect(secretsIn(g.logs.join('\n') + down.text)).toEqual([])
    } finally {
      await g.close()
      await stop(face.server)
      await core2.close()
    }
  })

  it('maps komodod answers that are not JSON-RPC replies to gateway errors', async () => {
    // komodod's non-JSON answers (reference §1.1), served by a canned HTTP server.
    const canned: Record<string, [number, string]> = {
      '/queue': [500, 'Work queue depth exceeded'],
      '/html': [200, '<html>proxy error</html>'],
      '/auth': [401, ''],
      '/empty500': [500, ''],
    }
    const server = http.createServer((req, res) => {
      req.resume()
      const [status, body] = canned[req.url ?? ''] ?? [404, '']
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body)
    })
    const port = await listen(server)
    const nodes = Object.keys(canned).map((p) => ({ name: p.slice(1), host: '127.0.0.1', port, path: p, auth: `${RPC_USER}:${RPC_PASSWORD}` }))
    const g = await startGateway({ upstream: createHttpUpstream(nodes, { maxSockets: 2 }), limits: { ratePerSec: 0 } })
    try {
      const ask = (node: string) => post(`${g.url}/rpc/${node}`, '{"method":"getinfo","id":1}')
      expect(await ask('queue')).toMatchObject({ status: 503, json: { error: { code: -32003 } } })
      for (const node of ['html', 'auth', 'empty500']) {
        const r = await ask(node)
        expect(r.status, node).toBe(502)
        expect(isErrorReply(r.json)).toBe(true)
        expect(r.json).toMatchObject({ error: { code: -32001 }, id: 1 })
      }
    } finally {
      await g.close()
      await stop(server)
    }
  })

  it('504 when the node accepts but never answers', async () => {
    const sockets = new Set<net.Socket>()
    const hole = net.createServer((s) => {
      sockets.add(s)
      s.on('error', () => {})
    })
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r))
    const g = await gatewayFor((hole.address() as net.AddressInfo).port, RPC_PASSWORD, 300)
    try {
      const r = await post(`${g.url}/rpc`, '{"method":"getinfo","id":"slow"}')
      expect(r.status).toBe(504)
      expect(r.json).toEqual({ result: null, error: { code: -32002, message: 'Node "miner" did not answer within 300 ms' }, id: 'slow' })
    } finally {
      await g.close()
      for (const s of sockets) s.destroy()
      await new Promise<void>((r) => hole.close(() => r()))
    }
  })

  it('stops a heavy call upstream when its client leaves, and lets a cheap one finish', async () => {
    // A node that holds the first two replies until told, and watches each request's socket close.
    const held: { method: string; res: http.ServerResponse; closed: boolean; port: number }[] = []
    let lastPort = 0
    const node = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        const entry = { method: (JSON.parse(body) as { method: string }).method, res, closed: false, port: req.socket.remotePort! }
        req.socket.once('close', () => (entry.closed = true))
        lastPort = req.socket.remotePort!
        if (held.length < 2) held.push(entry)
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":8,"error":null,"id":2}\n')
      })
    })
    const port = await listen(node)
    const g = await startGateway({
      upstream: createHttpUpstream(parseNodes({ KOMODO_NODES: `miner=http://u:p@127.0.0.1:${port}` }), { maxSockets: 1, heavySockets: 1 }),
      limits: { ratePerSec: 0, concurrency: 1, heavyConcurrency: 1, upstreamTimeoutMs: 60_000 },
    })
    const leaveAfterSending = (body: string): http.ClientRequest => {
      const req = http.request(`${g.url}/rpc`, { method: 'POST', headers: { 'content-type': 'text/plain' } })
      req.on('error', () => {})
      req.end(body)
      return req
    }
    try {
      const heavy = leaveAfterSending('{"method":"getaddressutxos","params":[{"addresses":["RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA"]}],"id":"h"}')
      const cheap = leaveAfterSending('{"method":"getblockcount","id":"c"}')
      while (held.length < 2) await new Promise((r) => setTimeout(r, 5))
      heavy.destroy()
      cheap.destroy()
      while (g.gateway.counters.cancelled < 2) await new Promise((r) => setTimeout(r, 5))
      const byMethod = (m: string) => held.find((h) => h.method === m)!
      // The heavy call's request is aborted: undici closes the connection it was sent on…
      while (!byMethod('getaddressutxos').closed) await new Promise((r) => setTimeout(r, 5))
      // …while the cheap call is left to finish, and its keep-alive connection serves the next one.
      const c = byMethod('getblockcount')
      expect(c.closed).toBe(false)
      c.res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":7,"error":null,"id":"c"}\n')
      expect((await post(`${g.url}/rpc`, '{"method":"getblockcount","id":2}')).json).toEqual({ result: 8, error: null, id: 2 })
      expect(c.closed).toBe(false)
      expect(lastPort).toBe(c.port)
    } finally {
      await g.close()
      await stop(node)
    }
  })

  it('keeps cheap calls on their own connections: a stalled heavy reply holds no socket they need', async () => {
    // A node that answers getblockcount at once and never answers getaddressutxos.
    const stalled: http.ServerResponse[] = []
    const sockets = new Set<net.Socket>()
    const node = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        if ((JSON.parse(body) as { method: string }).method === 'getaddressutxos') return void stalled.push(res)
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":7,"error":null,"id":1}\n')
      })
    })
    node.on('connection', (s) => sockets.add(s))
    const port = await listen(node)
    // One connection per lane: under a single shared pool the stalled heavy call would hold it.
    const g = await startGateway({
      upstream: createHttpUpstream(parseNodes({ KOMODO_NODES: `miner=http://u:p@127.0.0.1:${port}` }), { maxSockets: 1, heavySockets: 1 }),
      limits: { ratePerSec: 0, concurrency: 1, heavyConcurrency: 1, upstreamTimeoutMs: 60_000 },
    })
    try {
      let heavyDone = false
      const heavy = post(`${g.url}/rpc`, '{"method":"getaddressutxos","params":[{"addresses":["RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA"]}],"id":"h"}')
      void heavy.finally(() => (heavyDone = true))
      while (stalled.length === 0) await new Promise((r) => setTimeout(r, 5))
      for (let i = 0; i < 3; i++) {
        const cheap = await post(`${g.url}/rpc`, '{"method":"getblockcount","id":1}')
        expect(cheap.status).toBe(200)
        expect(cheap.json).toEqual({ result: 7, error: null, id: 1 })
      }
      // All three were answered while the heavy call still held its own socket.
      expect(heavyDone).toBe(false)
      stalled[0].writeHead(200, { 'content-type': 'application/json' }).end('{"result":[],"error":null,"id":"h"}\n')
      expect((await heavy).json).toEqual({ result: [], error: null, id: 'h' })
    } finally {
      await g.close()
      for (const s of sockets) s.destroy()
      await stop(node)
    }
  })
})
