/**
 * The gateway over the in-process devchain, through real HTTP on 127.0.0.1: routing, policy,
 * komodod's shapes and statuses, limits, CORS and logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHODS } from '../../../modules/catalog.ts'
import type { DevchainCore } from '../../../devchain/index.ts'
import { createDevchainUpstream, parseNodes } from '../../../server/gateway/index.ts'
import { parseTrustedProxies, parseAddressList } from '../../../server/gateway/clientIp.ts'
import type { RunningGateway } from './support.ts'
import { RPC_PASSWORD, RPC_USER, devchainCore, devchainHttp, isErrorReply, post, request, startGateway, stop } from './support.ts'

let core: DevchainCore
let gw: RunningGateway
let pub: RunningGateway
let direct: { server: import('node:http').Server; port: number }

beforeAll(async () => {
  core = await devchainCore()
  direct = await devchainHttp(core)
  gw = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), limits: { ratePerSec: 0 } })
  pub = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), profile: 'public', limits: { ratePerSec: 0 } })
})

afterAll(async () => {
  await gw.close()
  await pub.close()
  await stop(direct.server)
  await core.close()
})

const directUrl = (): string => `http://127.0.0.1:${direct.port}/`
const auth = { authorization: 'Basic ' + Buffer.from(`${RPC_USER}:${RPC_PASSWORD}`).toString('base64') }

describe('forwarding', () => {
  it('answers getinfo with the same wire text as the devchain over HTTP', async () => {
    const body = '{"jsonrpc":"1.0","id":"t","method":"getinfo","params":[]}'
    const [viaGateway, viaDevchain] = await Promise.all([post(`${gw.url}/rpc`, body), post(directUrl(), body, auth)])
    expect(viaGateway.status).toBe(200)
    expect(viaGateway.headers['content-type']).toBe('application/json')
    expect(viaGateway.text).toBe(viaDevchain.text)
    expect(Object.keys(viaGateway.json as object)).toEqual(['result', 'error', 'id'])
    expect(viaGateway.text).not.toContain('"jsonrpc"')
    // komodod's 8-decimal amounts survive (relayfee is always present).
    expect(viaGateway.text).toMatch(/"relayfee":\d+\.\d{8}[,}]/)
  })

  it('accepts application/json and no jsonrpc member, and echoes ids', async () => {
    const r = await post(`${gw.url}/rpc`, '{"method":"getblockcount","id":{"n":[1]}}', { 'content-type': 'application/json' })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ error: null, id: { n: [1] } })
    expect(Number.isInteger((r.json as { result: number }).result)).toBe(true)
  })

  it('routes /rpc/<node> to configured nodes only', async () => {
    const miner = await post(`${gw.url}/rpc/miner`, '{"method":"getnewaddress","params":[],"id":1}')
    const reader = await post(`${gw.url}/rpc/reader`, '{"method":"getnewaddress","params":[],"id":1}')
    expect(miner.status).toBe(200)
    expect(reader.status).toBe(200)
    const [a, b] = [miner, reader].map((r) => (r.json as { result: string }).result)
    const va = await post(`${gw.url}/rpc/reader`, JSON.stringify({ method: 'validateaddress', params: [a], id: 2 }))
    const vb = await post(`${gw.url}/rpc/reader`, JSON.stringify({ method: 'validateaddress', params: [b], id: 2 }))
    expect((va.json as { result: { ismine: boolean } }).result.ismine).toBe(false)
    expect((vb.json as { result: { ismine: boolean } }).result.ismine).toBe(true)
    const unknown = await post(`${gw.url}/rpc/nobody`, '{"method":"getinfo"}')
    expect(unknown.status).toBe(404)
    expect(isErrorReply(unknown.json)).toBe(true)
  })

  it('keeps komodod statuses for node errors', async () => {
    const r = await post(`${gw.url}/rpc`, '{"method":"getblockhash","params":[999999],"id":3}')
    expect(r.status).toBe(500)
    expect(r.json).toEqual({ result: null, error: { code: -8, message: 'Block height out of range' }, id: 3 })
  })

  it('runs a batch in order, checking each element, with HTTP 200', async () => {
    const batch = [
      { method: 'getblockcount', id: 1 },
      { method: 'dumpprivkey', params: ['RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA'], id: 2 },
      { method: 'nosuchmethod', id: 3 },
      { method: 7, id: 4 },
      { method: 'getbestblockhash', id: 5 },
    ]
    const r = await post(`${gw.url}/rpc`, JSON.stringify(batch))
    expect(r.status).toBe(200)
    const replies = r.json as Array<{ result: unknown; error: { code: number; message: string } | null; id: number }>
    expect(replies.map((x) => x.id)).toEqual([1, 2, 3, 4, 5])
    expect(replies.map((x) => x.error?.code ?? null)).toEqual([null, -32601, -32601, -32600, null])
    expect(replies[1].error!.message).toMatch(/never allowed/)
  })
})

describe('policy over HTTP', () => {
  const never = METHODS.filter((m) => m.safety === 'never').map((m) => m.name)

  it('refuses every never method in both profiles, single and batched', async () => {
    for (const g of [gw, pub]) {
      for (const method of never) {
        const r = await post(`${g.url}/rpc`, JSON.stringify({ method, params: ['x'], id: method }))
        expect(r.status, `${g.gateway.policy.profile} ${method}`).toBe(403)
        expect(isErrorReply(r.json)).toBe(true)
        expect(r.json).toMatchObject({ error: { code: -32601 }, id: method })
      }
      const batch = await post(`${g.url}/rpc`, JSON.stringify(never.slice(0, 20).map((method, id) => ({ method, id }))))
      expect((batch.json as Array<{ error: { code: number } }>).every((x) => x.error.code === -32601)).toBe(true)
    }
  })

  it('the public profile refuses wallet, mining and CC builds; local allows them', async () => {
    const height = async (g: RunningGateway) => ((await post(`${g.url}/rpc`, '{"method":"getblockcount"}')).json as { result: number }).result
    const before = await height(gw)
    const refused = await post(`${pub.url}/rpc`, '{"method":"generate","params":[1],"id":1}')
    expect(refused.status).toBe(403)
    expect(refused.json).toEqual({ result: null, error: { code: -32601, message: 'Method not allowed by gateway profile "public"' }, id: 1 })
    expect(await height(gw)).toBe(before)
    const mined = await post(`${gw.url}/rpc`, '{"method":"generate","params":[1],"id":1}')
    expect(mined.status).toBe(200)
    expect(await height(gw)).toBe(before + 1)
    for (const method of ['getnewaddress', 'faucetfund', 'sendtoaddress', 'devchain_setmining']) {
      expect((await post(`${pub.url}/rpc`, JSON.stringify({ method, params: [] }))).status).toBe(403)
    }
    expect((await post(`${pub.url}/rpc`, '{"method":"getbestblockhash"}')).status).toBe(200)
  })
})

describe('routes', () => {
  it('GET /rpc/meta describes the backend without credentials', async () => {
    const r = await request('GET', `${gw.url}/rpc/meta`)
    expect(r.status).toBe(200)
    const meta = r.json as Record<string, unknown>
    expect(meta).toMatchObject({ kind: 'devchain', nodes: ['miner', 'reader'], profile: 'local', chain: { name: 'DOCS', cc: 2 } })
    expect(meta.methods).toContain('getinfo')
    expect(meta.methods).not.toContain('dumpprivkey')
    expect((meta.counters as Record<string, number>).calls).toBeGreaterThan(0)
    // The devchain runs on the gateway's thread: one heavy call at a time when none is configured.
    expect(meta.limits).toMatchObject({ heavyConcurrency: 1, concurrency: 8 })
    expect(r.text).not.toContain(RPC_PASSWORD)
    expect(r.text).not.toContain(RPC_USER)
    const pm = (await request('GET', `${pub.url}/rpc/meta`)).json as { methods: string[] }
    expect(pm.methods).not.toContain('generate')
  })

  it('GET /healthz is 200 while the chain answers', async () => {
    const r = await request('GET', `${gw.url}/healthz`)
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ status: 'ok', backend: 'devchain' })
  })

  it('answers non-POST /rpc with 405 and a JSON-RPC error', async () => {
    const r = await request('GET', `${gw.url}/rpc`)
    expect(r.status).toBe(405)
    expect(isErrorReply(r.json)).toBe(true)
  })
})

describe('limits', () => {
  it('413 for a body over the limit, 400 for a batch over the limit', async () => {
    const big = await post(`${gw.url}/rpc`, JSON.stringify({ method: 'getinfo', params: ['x'.repeat(70_000)] }))
    expect(big.status).toBe(413)
    expect(isErrorReply(big.json)).toBe(true)
    const long = await post(`${gw.url}/rpc`, JSON.stringify(Array.from({ length: 21 }, () => ({ method: 'getblockcount' }))))
    expect(long.status).toBe(400)
    expect(long.json).toMatchObject({ error: { code: -32600, message: 'Batch too long: 21 calls (limit 20)' } })
  })

  it('429 once a client has used its burst; X-Forwarded-For only counts from trusted proxies', async () => {
    const upstream = createDevchainUpstream(core, { ownsChain: false })
    const limited = await startGateway({ upstream, limits: { ratePerSec: 1, rateBurst: 3 } })
    const behindProxy = await startGateway({
      upstream,
      limits: { ratePerSec: 1, rateBurst: 3 },
      trustedProxies: parseTrustedProxies('127.0.0.1'),
      // The forwarded clients are not on this machine: the local profile must be told to admit them.
      allowedPeers: parseAddressList('198.51.100.0/24', 'GATEWAY_ALLOWED_PEERS'),
    })
    try {
      const call = (g: RunningGateway, xff: string) => post(`${g.url}/rpc`, '{"method":"getblockcount"}', { 'x-forwarded-for': xff })
      // Untrusted peer: changing X-Forwarded-For does not buy a new bucket.
      const statuses = [] as number[]
      for (let i = 0; i < 5; i++) statuses.push((await call(limited, `10.0.0.${i}`)).status)
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      const refused = await call(limited, '10.9.9.9')
      expect(refused.headers['retry-after']).toBe('1')
      expect(refused.json).toMatchObject({ result: null, error: { code: -32000 }, id: null })
      // Trusted proxy: each forwarded client has its own bucket.
      const perClient = [] as number[]
      for (let i = 0; i < 4; i++) perClient.push((await call(behindProxy, '198.51.100.1')).status)
      perClient.push((await call(behindProxy, '198.51.100.2')).status)
      expect(perClient).toEqual([200, 200, 200, 429, 200])
      // A batch pays one token per call.
      const batch = await post(`${behindProxy.url}/rpc`, JSON.stringify([{ method: 'getblockcount' }, { method: 'getblockcount' }, { method: 'getblockcount' }, { method: 'getblockcount' }]), { 'x-forwarded-for': '198.51.100.3' })
      expect(batch.status).toBe(429)
      expect(limited.gateway.counters.refusals).toBeGreaterThanOrEqual(3)
    } finally {
      await limited.close()
      await behindProxy.close()
    }
  })
})

describe('concurrency per node', () => {
  it('503 when the heavy lane is full, while cheap calls keep their own lane', async () => {
    const g = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), limits: { ratePerSec: 0, heavyConcurrency: 1, queue: 0 } })
    try {
      let done = false
      const slow = post(`${g.url}/rpc`, '{"method":"generate","params":[900],"id":"slow"}').finally(() => (done = true))
      while (g.gateway.counters.calls === 0) await new Promise((r) => setTimeout(r, 1))
      // While the long generate holds the only heavy slot, another heavy call is turned away…
      const heavy: unknown[] = []
      const cheap: number[] = []
      // Each answer counts when the generate was still running once it came back; on a loaded
      // machine the generate may end between the two calls of a round.
      while (!done) {
        const r = await post(`${g.url}/rpc`, '{"method":"getaddressbalance","params":["RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA"],"id":"next"}')
        if (!done) heavy.push([r.status, r.json])
        const c = await post(`${g.url}/rpc`, '{"method":"getblockcount","id":"cheap"}')
        if (!done) cheap.push(c.status)
      }
      expect(heavy.length).toBeGreaterThan(0)
      expect(heavy[0]).toEqual([503, { result: null, error: { code: -32003, message: 'Node "miner" is busy; retry shortly' }, id: 'next' }])
      // …while getblockcount is answered meanwhile.
      expect(cheap.every((st) => st === 200)).toBe(true)
      expect((await slow).status).toBe(200)
      expect((await post(`${g.url}/rpc`, '{"method":"getaddressbalance","params":["RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA"]}')).status).toBe(200)
    } finally {
      await g.close()
    }
  })
})

describe('cross-origin requests', () => {
  it('refuses a foreign Origin, allows the same origin and the allowlist', async () => {
    const allowed = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), corsOrigins: ['https://docs.example'], limits: { ratePerSec: 0 } })
    try {
      const body = '{"method":"getblockcount"}'
      const foreign = await post(`${gw.url}/rpc`, body, { origin: 'https://evil.example' })
      expect(foreign.status).toBe(403)
      expect(foreign.json).toMatchObject({ error: { code: -32004 } })
      const host = new URL(gw.url).host
      expect((await post(`${gw.url}/rpc`, body, { origin: `http://${host}` })).status).toBe(200)
      const listed = await post(`${allowed.url}/rpc`, body, { origin: 'https://docs.example' })
      expect(listed.status).toBe(200)
      expect(listed.headers['access-control-allow-origin']).toBe('https://docs.example')
      const preflight = await request('OPTIONS', `${allowed.url}/rpc`, undefined, { origin: 'https://docs.example', 'access-control-request-method': 'POST' })
      expect(preflight.status).toBe(204)
      expect(preflight.headers['access-control-allow-methods']).toContain('POST')
    } finally {
      await allowed.close()
    }
  })
})

describe('DNS-rebinding guard', () => {
  it('the local profile answers loopback hosts only unless told; the public profile any host', async () => {
    const body = '{"method":"getblockcount"}'
    const rebound = await post(`${gw.url}/rpc`, body, { host: 'evil.example:8080', origin: 'http://evil.example:8080' })
    expect(rebound.status).toBe(403)
    expect(rebound.json).toMatchObject({ error: { code: -32005 } })
    expect((await post(`${gw.url}/rpc`, body, { host: 'localhost:8080' })).status).toBe(200)
    expect((await post(`${pub.url}/rpc`, body, { host: 'journeys.example' })).status).toBe(200)
    const named = await startGateway({ upstream: createDevchainUpstream(core, { ownsChain: false }), allowedHosts: ['journeys.example'], limits: { ratePerSec: 0 } })
    try {
      expect((await post(`${named.url}/rpc`, body, { host: 'journeys.example' })).status).toBe(200)
      expect((await post(`${named.url}/rpc`, body, { host: 'other.example' })).status).toBe(403)
    } finally {
      await named.close()
    }
  })
})

describe('logs', () => {
  it('one JSON line per call with method, node, status, client; refused params never logged', async () => {
    const before = gw.logs.length
    const wif = 'UvjpBLS27ZhBdCyw2hQNrTksQkLWCEvybf4CiqyC6vJNM3cb6Qio'
    await post(`${gw.url}/rpc/reader`, JSON.stringify({ method: 'importprivkey', params: [wif], id: 1 }))
    await post(`${gw.url}/rpc`, JSON.stringify([{ method: 'getblockcount' }, { method: 'getbestblockhash' }]))
    const lines = gw.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatchObject({ method: 'importprivkey', node: 'reader', status: 403, client: '127.0.0.1', msg: 'rpc' })
    expect(lines[0].params).toBeUndefined()
    expect(lines.map((l) => l.method)).toEqual(['importprivkey', 'getblockcount', 'getbestblockhash'])
    expect(typeof lines[1].ms).toBe('number')
    expect(gw.logs.join('\n')).not.toContain(wif)
  })
})

describe('configuration', () => {
  it('parses the devchain HTTP face as a node path', () => {
    expect(parseNodes({ KOMODO_NODES: 'reader=http://127.0.0.1:1/node/reader' })[0].path).toBe('/node/reader')
  })
})
