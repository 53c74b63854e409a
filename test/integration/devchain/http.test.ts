/** komodod's HTTP face: envelopes, statuses, auth, batches and the recorded error fixtures. */
import { chainParamsFrom, DEFAULT_ARGS } from '../../../devchain/chain/params.ts'
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDevchainCore, type DevchainCore } from '../../support/devchain.ts'
import { createHttpServer } from '../../../server/chain/http.ts'
import { komodoFixtures } from '../../support/fixtures.ts'

const fixtures = komodoFixtures
const AUTH = 'Basic ' + Buffer.from('user:pass').toString('base64')

let dc: DevchainCore
let server: Server
let base: string

async function post(body: string, path = '/', headers: Record<string, string> = { authorization: AUTH }) {
  const res = await fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'text/plain;', ...headers } })
  return { status: res.status, text: await res.text(), headers: res.headers }
}

beforeAll(async () => {
  dc = await createDevchainCore({ dataDir: null, seed: 'http-test' })
  server = createHttpServer(dc)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  await dc.close()
})

describe('error fixtures through HTTP, exactly', () => {
  // Every recorded error envelope, the CC ones included (the Faucet and Tokens modules are loaded).
  for (const id of fixtures.errors.map((e: { id: string }) => e.id) as string[]) {
    it(id, async () => {
      const f = fixtures.errors.find((e: { id: string }) => e.id === id)
      const r = await post(JSON.stringify(f.request))
      expect(r.status).toBe(f.http)
      expect(JSON.parse(r.text)).toEqual(f.reply)
      expect(r.text.endsWith('\n')).toBe(true)
      expect(r.headers.get('content-type')).toBe('application/json')
    })
  }
})

describe('the komodod envelope', () => {
  it('answers the docs curl getinfo with 8-decimal amounts and no "jsonrpc" key', async () => {
    const r = await post('{"jsonrpc":"1.0","id":"curltest","method":"getinfo","params":[]}')
    expect(r.status).toBe(200)
    const j = JSON.parse(r.text)
    expect(Object.keys(j)).toEqual(['result', 'error', 'id'])
    expect(j.id).toBe('curltest')
    expect(j.result.name).toBe('DOCS')
    // The premine as komodod pays it: the supply plus magic & 0xffffff satoshis (was the bare supply: issue 15).
    const p = chainParamsFrom(DEFAULT_ARGS)
    expect(r.text).toContain(`"balance":1000000.${String((p.magic >>> 0) & 0xffffff).padStart(8, '0')},`)
    expect(r.text).toMatch(/"paytxfee":0\.00000000,/)
  })

  it('refuses missing or wrong credentials with 401 and the Basic realm', async () => {
    for (const headers of [{}, { authorization: 'Basic ' + Buffer.from('user:nope').toString('base64') }] as Record<string, string>[]) {
      const r = await post('{"method":"getinfo"}', '/', headers)
      expect(r.status).toBe(401)
      expect(r.text).toBe('')
      expect(r.headers.get('www-authenticate')).toBe('Basic realm="jsonrpc"')
    }
  })

  it('answers 405 to non-POST and 404 to unknown paths', async () => {
    const g = await fetch(base + '/', { headers: { authorization: AUTH } })
    expect(g.status).toBe(405)
    expect(await g.text()).toBe('JSONRPC server handles only POST requests')
    expect((await post('{"method":"getinfo"}', '/nope')).status).toBe(404)
    expect((await post('{"method":"getinfo"}', '/node/nobody')).status).toBe(404)
  })

  it('reports parse and request errors like komodod', async () => {
    const bad = await post('{nope')
    expect(bad.status).toBe(500)
    expect(JSON.parse(bad.text)).toEqual({ result: null, error: { code: -32700, message: 'Parse error' }, id: null })
    const top = await post('42')
    expect(JSON.parse(top.text).error).toEqual({ code: -32700, message: 'Top-level object parse error' })
    const missing = await post('{"id":7}')
    expect(missing.status).toBe(400)
    expect(JSON.parse(missing.text)).toEqual({ result: null, error: { code: -32600, message: 'Missing method' }, id: 7 })
    const notString = await post('{"id":8,"method":5}')
    expect(JSON.parse(notString.text).error).toEqual({ code: -32600, message: 'Method must be a string' })
  })

  it('runs batches with one reply per entry and HTTP 200', async () => {
    const r = await post(JSON.stringify([{ method: 'getblockcount', id: 1 }, { method: 'nosuch', id: 2 }, 5]))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.text)).toEqual([
      { result: 1, error: null, id: 1 },
      { result: null, error: { code: -32601, message: 'Method not found' }, id: 2 },
      { result: null, error: { code: -32600, message: 'Invalid Request object' }, id: null },
    ])
  })

  it('serves the reader node on /node/reader with its own wallet', async () => {
    const a = JSON.parse((await post('{"method":"getnewaddress","id":1}', '/node/reader')).text).result
    const mine = JSON.parse((await post(JSON.stringify({ method: 'validateaddress', params: [a], id: 2 }), '/node/reader')).text)
    const theirs = JSON.parse((await post(JSON.stringify({ method: 'validateaddress', params: [a], id: 3 }))).text)
    expect(mine.result.ismine).toBe(true)
    expect(theirs.result.ismine).toBe(false)
  })
})
