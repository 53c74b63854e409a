/**
 * `server/start.ts`: the built site (real sirv) and the gateway from one server. A small stand-in
 * dist keeps this fast; the build layer covers the real site.
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevchain } from '../../support/devchain.ts'
import { createDevchainUpstream, createGateway, createLogger, findSecretLeaks } from '../../../server/gateway/index.ts'
import { secretsFromEnv } from '../../../server/gateway/secrets.ts'
import type { RunningServer } from '../../../server/start.ts'
import { startServer } from '../../../server/start.ts'
import { post, request } from './support.ts'

let server: RunningServer
let dist = ''

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-start-'))
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.mkdirSync(path.join(dist, 'journeys'))
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>home</title>')
  fs.writeFileSync(path.join(dist, 'journeys', 'faucet.html'), '<!doctype html><title>faucet</title>')
  fs.writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>not here</title>')
  fs.writeFileSync(path.join(dist, 'assets', 'app-BX3k9_aQ.js'), 'console.log(1)')
  fs.writeFileSync(path.join(dist, 'favicon.ico'), 'icon')
  const chain = await createDevchain({ dataDir: null })
  const gateway = createGateway({ upstream: createDevchainUpstream(chain), logger: createLogger('silent') })
  server = await startServer({ dist, port: 0, host: '127.0.0.1', gateway })
})

afterAll(async () => {
  await server.close()
  fs.rmSync(dist, { recursive: true, force: true })
})

describe('npm start', () => {
  it('serves pages with no-cache and hashed assets as immutable', async () => {
    const home = await request('GET', `${server.url}/`)
    expect(home.status).toBe(200)
    expect(home.text).toContain('<title>home</title>')
    expect(home.headers['cache-control']).toBe('no-cache')
    const page = await request('GET', `${server.url}/journeys/faucet.html`)
    expect(page.headers['cache-control']).toBe('no-cache')
    const asset = await request('GET', `${server.url}/assets/app-BX3k9_aQ.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await request('GET', `${server.url}/favicon.ico`)).headers['cache-control']).toBe('no-cache')
  })

  it('marks its pages as served with /rpc (Server-Timing: kj-rpc); a static-only server does not', async () => {
    expect((await request('GET', `${server.url}/journeys/faucet.html`)).headers['server-timing']).toBe('kj-rpc')
    expect((await request('GET', `${server.url}/no/such/page.html`)).headers['server-timing']).toBe('kj-rpc')
    const staticOnly = await startServer({ dist, port: 0, host: '127.0.0.1', gateway: false })
    try {
      const page = await request('GET', `${staticOnly.url}/journeys/faucet.html`)
      expect(page.status).toBe(200)
      expect(page.headers['server-timing']).toBeUndefined()
    } finally {
      await staticOnly.close()
    }
  })

  it('answers unknown paths with the site 404 page and status 404', async () => {
    const r = await request('GET', `${server.url}/no/such/page.html`)
    expect(r.status).toBe(404)
    expect(r.text).toContain('<title>not here</title>')
  })

  it('answers /rpc and /healthz from the same port', async () => {
    const info = await post(`${server.url}/rpc`, '{"method":"getinfo","params":[]}')
    expect(info.status).toBe(200)
    expect(info.json).toMatchObject({ error: null, id: null, result: { name: 'DOCS' } })
    const refused = await post(`${server.url}/rpc`, '{"method":"dumpprivkey","params":["R"]}')
    expect(refused.status).toBe(403)
    expect((await request('GET', `${server.url}/healthz`)).status).toBe(200)
  })
})

describe('closing the server', () => {
  it('does not wait for a connection that never sent a request (a browser preconnect)', async () => {
    const own = await startServer({ dist, port: 0, host: '127.0.0.1', gateway: false })
    const socket = net.connect(Number(new URL(own.url).port), '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    // Without the cut, close() waits for the server's request timeout (60 s) and this test times out.
    await own.close()
    await ended
    expect(socket.destroyed).toBe(true)
  }, 15_000)
})

describe('leak check helper', () => {
  it('finds a credential in a file, plain or base64, and names only the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-leak-'))
    try {
      const env = { KOMODO_NODES: 'miner=http://alice:Pa55word-xyz@h:1', KOMODO_RPC_PASSWORD: 'Other-secret-42' }
      const secrets = secretsFromEnv(env)
      expect(secrets).toEqual(expect.arrayContaining(['Pa55word-xyz', 'Other-secret-42']))
      fs.writeFileSync(path.join(dir, 'clean.js'), 'nothing to see')
      expect(findSecretLeaks(dir, secrets)).toEqual([])
      fs.mkdirSync(path.join(dir, 'assets'))
      fs.writeFileSync(path.join(dir, 'assets', 'a.js'), `x="${Buffer.from('Other-secret-42').toString('base64')}"`)
      expect(findSecretLeaks(dir, secrets)).toEqual([{ file: path.join('assets', 'a.js'), secret: secrets.indexOf('Other-secret-42') }])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
