/**
 * The local profile's Host check (DNS-rebinding guard) remembers verdicts per Host value: the memo
 * must never let a refused Host through, however many distinct Hosts come and go.
 */
import { describe, it, expect, afterAll } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGateway, createLogger } from '../../../server/gateway/index.ts'
import type { Upstream } from '../../../server/gateway/index.ts'

const upstream: Upstream = {
  kind: 'komodod',
  nodes: ['miner'],
  call: async (_node, call) => ({ status: 200, body: JSON.stringify({ result: 7, error: null, id: call.id }), error: null, reserved: 0 }),
  health: async () => ({ ok: true, detail: 'stub' }),
  chainParams: async () => null,
  close: async () => {},
}
const gateway = createGateway({ upstream, limits: { ratePerSec: 0 }, logger: createLogger('silent') })
const server = http.createServer((req, res) => gateway.handle(req, res))
const ready = new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

afterAll(async () => {
  agent.destroy()
  await new Promise((r) => server.close(r))
})

async function statusFor(host: string): Promise<number> {
  const port = await ready
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/rpc', method: 'POST', agent, headers: { host, 'content-type': 'application/json' } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end('{"method":"getblockcount","params":[],"id":1}')
  })
}

describe('Host verdicts', () => {
  it('answers each Host as the check does, across more distinct Hosts than the memo holds', async () => {
    for (let i = 0; i < 300; i++) {
      expect(await statusFor(`evil${i}.example`)).toBe(403)
      expect(await statusFor(i % 2 ? 'localhost:8080' : '127.0.0.1:8080')).toBe(200)
    }
    // Asked again after the memo was cleared and refilled: still refused.
    expect(await statusFor('evil0.example')).toBe(403)
    expect(await statusFor('evil299.example')).toBe(403)
    expect(await statusFor('localhost.evil.example')).toBe(403)
  })
})
