/**
 * Who the `local` profile answers, over real sockets: loopback peers, the peers the operator lists,
 * and nobody else; the Host check no longer admits a request sent to a network IP literal; the
 * connection caps close sockets past the per-client cap.
 *
 * Here the remote peer arrives two ways: a trusted proxy forwarding a remote client (X-Forwarded-For),
 * and a server that overwrites the peer address of each real request before the gateway sees it
 * (to try IPv6 and documentation ranges). test/integration/server/networkPeer.test.ts connects from
 * this machine's own network address, a real non-loopback peer.
 */
import http from 'node:http'
import type net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevchainCore } from '../../../devchain/index.ts'
import { createDevchainUpstream, createGateway, createLogger, parseAddressList } from '../../../server/gateway/index.ts'
import type { GatewayOptions } from '../../../server/gateway/index.ts'
import { parseTrustedProxies } from '../../../server/gateway/clientIp.ts'
import { askRaw, connectRaw, devchainCore, listen, post, startGateway, stop } from './support.ts'

let core: DevchainCore
beforeAll(async () => {
  core = await devchainCore()
})
afterAll(async () => {
  await core.close()
})

const body = '{"method":"getblockcount","id":1}'

/** A gateway whose server tells it every request came from `peer`. */
async function gatewaySeeing(peer: string, opts: Partial<GatewayOptions> = {}) {
  const gateway = createGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), limits: { ratePerSec: 0 }, logger: createLogger('silent'), ...opts })
  const server = http.createServer((req, res) => {
    Object.defineProperty(req.socket, 'remoteAddress', { value: peer, configurable: true })
    gateway.handle(req, res)
  })
  const port = await listen(server)
  return { url: `http://127.0.0.1:${port}`, close: () => stop(server) }
}

describe('the local profile and its peers', () => {
  it('403 for a network peer, 200 for loopback, 200 for a listed peer', async () => {
    const remote = await gatewaySeeing('203.0.113.5')
    const v6 = await gatewaySeeing('2001:db8::5')
    const loop2 = await gatewaySeeing('127.0.0.2')
    const listed = await gatewaySeeing('172.28.0.1', { allowedPeers: parseAddressList('172.28.0.1', 'GATEWAY_ALLOWED_PEERS') })
    const publicProfile = await gatewaySeeing('203.0.113.5', { profile: 'public' })
    try {
      const refused = await post(`${remote.url}/rpc`, body)
      expect(refused.status).toBe(403)
      expect(refused.json).toEqual({ result: null, error: { code: -32006, message: expect.stringContaining('GATEWAY_ALLOWED_PEERS') }, id: null })
      expect((await post(`${remote.url}/rpc`, '{"method":"sendtoaddress","params":["x",1]}')).status).toBe(403)
      expect((await post(`${v6.url}/rpc`, body)).status).toBe(403)
      expect((await post(`${loop2.url}/rpc`, body)).status).toBe(200)
      expect((await post(`${listed.url}/rpc`, body)).status).toBe(200)
      // The public profile exposes nothing private: it answers anyone.
      expect((await post(`${publicProfile.url}/rpc`, body)).status).toBe(200)
    } finally {
      for (const g of [remote, v6, loop2, listed, publicProfile]) await g.close()
    }
  })

  it('judges the forwarded client, not the trusted proxy in front of it', async () => {
    const g = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), limits: { ratePerSec: 0 }, trustedProxies: parseTrustedProxies('127.0.0.1') })
    try {
      expect((await post(`${g.url}/rpc`, body, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(403)
      expect((await post(`${g.url}/rpc`, body, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(200)
      expect((await post(`${g.url}/rpc`, body)).status).toBe(200)
    } finally {
      await g.close()
    }
  })

  it('refuses a Host that is a network IP literal (the image binds 0.0.0.0)', async () => {
    const g = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), limits: { ratePerSec: 0 } })
    try {
      const r = await post(`${g.url}/rpc`, body, { host: '203.0.113.5:8080' })
      expect(r.status).toBe(403)
      expect(r.json).toMatchObject({ error: { code: -32005 } })
      expect((await post(`${g.url}/rpc`, body, { host: '10.0.0.2:8080' })).status).toBe(403)
      expect((await post(`${g.url}/rpc`, body, { host: '127.0.0.1:8080' })).status).toBe(200)
      expect((await post(`${g.url}/rpc`, body, { host: 'localhost:8080' })).status).toBe(200)
    } finally {
      await g.close()
    }
  })
})

describe('connection caps', () => {
  it('closes a client\'s connections past its cap, and counts them freed on close', async () => {
    const gateway = createGateway({
      upstream: createDevchainUpstream(core, { ownsChain: false }),
      limits: { ratePerSec: 0, connectionsPerClient: 2, maxConnections: 100 },
      logger: createLogger('silent'),
    })
    const server = http.createServer((req, res) => gateway.handle(req, res))
    const guard = gateway.attach(server)
    const port = await listen(server)
    const connect = () => connectRaw(port)
    const ask = (s: net.Socket) =>
      askRaw(s, `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`)
    try {
      expect(server.maxConnections).toBe(100)
      const [a, b, c] = [await connect(), await connect(), await connect()]
      expect(await ask(c)).toBe('closed')
      expect(await ask(a)).toBe('HTTP/1.1 200 OK')
      expect(await ask(b)).toBe('HTTP/1.1 200 OK')
      expect(guard.refused).toBe(1)
      a.destroy()
      await new Promise((r) => setTimeout(r, 50))
      const d = await connect()
      expect(await ask(d)).toBe('HTTP/1.1 200 OK')
      b.destroy()
      d.destroy()
    } finally {
      await stop(server)
    }
  })
})
