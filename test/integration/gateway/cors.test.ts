/**
 * A page on another origin (the published docs) reaching the reader's own gateway (their Docker
 * stack): CORS for the origins in GATEWAY_CORS_ORIGINS, and Chromium's Private Network Access
 * preflight (`Access-Control-Request-Private-Network: true`) granted to those origins only.
 * The gateway is built from the environment, as `npm start` builds it, and asked over real HTTP.
 */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Gateway } from '../../../server/gateway/index.ts'
import { createGatewayFromEnv, createLogger } from '../../../server/gateway/index.ts'
import { listen, post, request, stop } from './support.ts'

let gateway: Gateway
let server: http.Server
let url: string

beforeAll(async () => {
  const env = { GATEWAY_CORS_ORIGINS: 'https://docs.example, https://journeys.example/', GATEWAY_RATE_PER_SEC: '0', KOMODO_NODES: '' }
  gateway = await createGatewayFromEnv({ env, devchainDataDir: null, logger: createLogger('silent') })
  server = http.createServer((req, res) => gateway.handle(req, res))
  url = `http://127.0.0.1:${await listen(server)}`
})
afterAll(async () => {
  await stop(server)
  await gateway.close()
})

const preflight = (origin: string, privateNetwork: boolean) =>
  request('OPTIONS', `${url}/rpc`, undefined, {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'content-type',
    ...(privateNetwork ? { 'access-control-request-private-network': 'true' } : {}),
  })

describe('CORS and Private Network Access', () => {
  it('grants a listed origin its preflight, Private Network Access included', async () => {
    for (const origin of ['https://docs.example', 'https://journeys.example']) {
      const r = await preflight(origin, true)
      expect(r.status).toBe(204)
      expect(r.headers['access-control-allow-origin']).toBe(origin)
      expect(r.headers['access-control-allow-private-network']).toBe('true')
      expect(r.headers['access-control-allow-methods']).toContain('POST')
      expect(r.headers['access-control-allow-headers']).toBe('content-type')
      expect(r.headers.vary).toContain('Origin')
    }
    // No Private Network Access header unless the browser asked for it.
    const plain = await preflight('https://docs.example', false)
    expect(plain.status).toBe(204)
    expect(plain.headers['access-control-allow-private-network']).toBeUndefined()
  })

  it('answers a listed origin\'s calls with its CORS header', async () => {
    const r = await post(`${url}/rpc`, '{"method":"getblockcount","id":1}', { origin: 'https://docs.example', 'content-type': 'application/json' })
    expect(r.status).toBe(200)
    expect(r.headers['access-control-allow-origin']).toBe('https://docs.example')
    expect(r.json).toMatchObject({ error: null, id: 1 })
  })

  it('refuses every other origin, preflight and call, and never grants it the private network', async () => {
    for (const origin of ['https://evil.example', 'https://docs.example.evil.example', 'http://docs.example', 'null']) {
      const p = await preflight(origin, true)
      expect(p.status, origin).toBe(403)
      expect(p.headers['access-control-allow-private-network']).toBeUndefined()
      expect(p.headers['access-control-allow-origin']).toBeUndefined()
      const c = await post(`${url}/rpc`, '{"method":"getblockcount"}', { origin })
      expect(c.status, origin).toBe(403)
      expect(c.json).toMatchObject({ result: null, error: { code: -32004 } })
    }
  })
})
