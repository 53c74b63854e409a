/**
 * Replies the gateway will not hold: per-call and per-batch byte caps (cut with a komodod-envelope
 * error naming the setting), the global budget of reply bytes in flight, the bound on `generate`,
 * and the cancellation of a long `generate` whose client left. Real HTTP, real devchain.
 */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevchainCore } from '../../../devchain/index.ts'
import { createDevchainUpstream, createHttpUpstream, parseNodes } from '../../../server/gateway/index.ts'
import type { GatewayLimits } from '../../../server/gateway/index.ts'
import type { RunningGateway } from './support.ts'
import { RPC_PASSWORD, RPC_USER, devchainCore, devchainHttp, isErrorReply, post, startGateway, stop } from './support.ts'

let core: DevchainCore
let face: Awaited<ReturnType<typeof devchainHttp>>
let minerAddress: string
const open: RunningGateway[] = []

beforeAll(async () => {
  core = await devchainCore()
  // 600 coinbase outputs to the miner: its getaddressutxos reply is about 150 KB.
  await core.call('miner', 'generate', [600])
  minerAddress = (core.wallet('miner').keys[0]).address
  face = await devchainHttp(core)
})
afterAll(async () => {
  for (const g of open) await g.close()
  await stop(face.server)
  await core.close()
})

type Backend = 'devchain' | 'komodod over HTTP'
async function gateway(backend: Backend, limits: Partial<GatewayLimits>): Promise<RunningGateway> {
  const upstream = backend === 'devchain'
    ? createDevchainUpstream(core, { ownsChain: false })
    : createHttpUpstream(parseNodes({ KOMODO_NODES: `miner=http://${RPC_USER}:${RPC_PASSWORD}@127.0.0.1:${face.port}` }), { maxSockets: 4 })
  const g = await startGateway({ upstream, limits: { ratePerSec: 0, ...limits } })
  open.push(g)
  return g
}

const utxos = (id: number) => ({ method: 'getaddressutxos', params: [{ addresses: [minerAddress] }], id })

describe.each(['devchain', 'komodod over HTTP'] as Backend[])('reply caps (%s)', (backend) => {
  it('cuts a single reply past GATEWAY_MAX_REPLY with an error naming the cap', async () => {
    const g = await gateway(backend, { maxReply: 20_000 })
    const r = await post(`${g.url}/rpc`, JSON.stringify(utxos(7)))
    expect(r.status).toBe(500)
    expect(r.json).toEqual({ result: null, error: { code: -32007, message: "Reply too large: over the gateway's cap of 20000 bytes per call (GATEWAY_MAX_REPLY)" }, id: 7 })
    expect(g.gateway.counters.cutReplies).toBe(1)
    // A small reply still passes, and the budget is whole again.
    expect((await post(`${g.url}/rpc`, '{"method":"getblockcount","id":1}')).json).toEqual({ result: 601, error: null, id: 1 })
    expect(g.gateway.bytesInFlight).toBe(0)
  })

  it('answers the amplification batch (20 × getaddressutxos) with whole replies, then the batch cap error', async () => {
    const g = await gateway(backend, { maxReply: 400_000, maxBatchReply: 400_000 })
    const r = await post(`${g.url}/rpc`, JSON.stringify(Array.from({ length: 20 }, (_, i) => utxos(i))))
    expect(r.status).toBe(200)
    expect(r.text.length).toBeLessThan(400_000 + 20 * 200)
    const items = r.json as { result: unknown; error: { code: number; message: string } | null; id: number }[]
    expect(items.map((x) => x.id)).toEqual(Array.from({ length: 20 }, (_, i) => i))
    const whole = items.filter((x) => x.error === null)
    const cut = items.filter((x) => x.error !== null)
    expect(whole.length).toBeGreaterThan(0)
    expect(whole.length).toBeLessThan(20)
    for (const x of whole) expect((x.result as unknown[]).length).toBe(601)
    // Every call from the first one that did not fit answers the cap, in komodod's envelope.
    expect(items.findIndex((x) => x.error !== null)).toBe(whole.length)
    for (const x of cut) {
      expect(isErrorReply(x)).toBe(true)
      expect(x.error).toEqual({ code: -32007, message: "Reply too large: over the gateway's cap of 400000 bytes per batch (GATEWAY_MAX_BATCH_REPLY)" })
    }
    expect(g.gateway.bytesInFlight).toBe(0)
  })

  it('counts the bytes of a call cut at the per-call cap against the batch, and runs no more once it is spent', async () => {
    // Each reply is about 150 KB: every call is cut at 20 KB, and 50 KB of batch holds two cuts and a bit.
    const g = await gateway(backend, { maxReply: 20_000, maxBatchReply: 50_000 })
    const r = await post(`${g.url}/rpc`, JSON.stringify(Array.from({ length: 20 }, (_, i) => utxos(i))))
    expect(r.status).toBe(200)
    const items = r.json as { error: { code: number; message: string } | null; id: number }[]
    expect(items.map((x) => x.id)).toEqual(Array.from({ length: 20 }, (_, i) => i))
    const perCall = { code: -32007, message: "Reply too large: over the gateway's cap of 20000 bytes per call (GATEWAY_MAX_REPLY)" }
    const perBatch = { code: -32007, message: "Reply too large: over the gateway's cap of 50000 bytes per batch (GATEWAY_MAX_BATCH_REPLY)" }
    expect(items.map((x) => x.error)).toEqual([perCall, perCall, ...Array(18).fill(perBatch)])
    // The third call ran with the 10 KB left and was cut; the other seventeen never reached the node.
    expect(g.gateway.counters.calls).toBe(3)
    expect(g.gateway.bytesInFlight).toBe(0)
  })

  it('answers "gateway busy" when the reply would pass the budget of bytes in flight', async () => {
    const g = await gateway(backend, { maxReply: 1_000_000, maxInflightBytes: 50_000 })
    const r = await post(`${g.url}/rpc`, JSON.stringify(utxos(3)))
    expect(r.status).toBe(503)
    expect(r.json).toEqual({ result: null, error: { code: -32008, message: 'Gateway busy: too many reply bytes in flight; retry shortly' }, id: 3 })
    expect(g.gateway.bytesInFlight).toBe(0)
  })
})

describe('address lists', () => {
  it('refuses an address-index call listing one address twice, before it reaches the node', async () => {
    const g = await gateway('devchain', {})
    const twice = { method: 'getaddressutxos', params: [{ addresses: [minerAddress, minerAddress] }], id: 'd' }
    const r = await post(`${g.url}/rpc`, JSON.stringify(twice))
    expect(r.status).toBe(500)
    expect(r.json).toEqual({ result: null, error: { code: -8, message: 'getaddressutxos: an address is listed more than once; this gateway answers each address once per call' }, id: 'd' })
    const balance = await post(`${g.url}/rpc`, JSON.stringify({ method: 'getaddressbalance', params: [{ addresses: [minerAddress, 'RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA', minerAddress] }] }))
    expect((balance.json as { error: { code: number } }).error.code).toBe(-8)
    expect(g.gateway.counters.calls).toBe(0)
    // One address, or distinct ones, go through.
    const once = await post(`${g.url}/rpc`, JSON.stringify({ method: 'getaddressbalance', params: [{ addresses: [minerAddress] }] }))
    expect((once.json as { error: unknown }).error).toBeNull()
    expect(g.gateway.counters.calls).toBe(1)
  })
})

describe('generate through the gateway', () => {
  it('is bounded per call (GATEWAY_MAX_GENERATE) before it reaches the node', async () => {
    const g = await gateway('devchain', { maxGenerate: 5 })
    const before = core.ledger.height
    const r = await post(`${g.url}/rpc`, '{"method":"generate","params":[6],"id":"g"}')
    expect(r.status).toBe(500)
    expect(r.json).toEqual({ result: null, error: { code: -8, message: 'generate: at most 5 blocks per call through this gateway (GATEWAY_MAX_GENERATE)' }, id: 'g' })
    expect(core.ledger.height).toBe(before)
    expect(((await post(`${g.url}/rpc`, '{"method":"generate","params":[5]}')).json as { result: string[] }).result).toHaveLength(5)
  })

  it('stops a long generate between blocks when its client goes away', async () => {
    const g = await gateway('devchain', {})
    const before = core.ledger.height
    const req = http.request(`${g.url}/rpc`, { method: 'POST', headers: { 'content-type': 'text/plain' } })
    req.on('error', () => {})
    req.end('{"method":"generate","params":[1000]}')
    while (core.ledger.height < before + 5) await new Promise((r) => setTimeout(r, 2))
    req.destroy()
    while (g.gateway.counters.cancelled === 0) await new Promise((r) => setTimeout(r, 5))
    // Let anything still queued finish: the chain must stop well short of the 1000 asked for.
    await core.call('miner', 'getblockcount', [])
    await new Promise((r) => setTimeout(r, 200))
    const mined = core.ledger.height - before
    expect(mined).toBeGreaterThanOrEqual(5)
    expect(mined).toBeLessThan(1000)
    expect(g.gateway.counters.cancelled).toBe(1)
  })
})
