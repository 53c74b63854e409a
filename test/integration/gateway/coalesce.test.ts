/**
 * Reads that reach the gateway together go to komodod (the devchain's HTTP face, over real HTTP)
 * as one batch, and each client gets exactly what it would have had alone: the same bytes, the
 * same HTTP status. Calls that change anything still go alone.
 */
import type http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevchainCore } from '../../../devchain/index.ts'
import { createHttpUpstream, parseNodes } from '../../../server/gateway/index.ts'
import type { RunningGateway } from './support.ts'
import { RPC_PASSWORD, RPC_USER, devchainCore, devchainHttp, post, startGateway, stop } from './support.ts'

let core: DevchainCore
let face: Awaited<ReturnType<typeof devchainHttp>>
/** Every body the node was sent, in order. */
const seen: string[] = []
const AUTH = { authorization: 'Basic ' + Buffer.from(`${RPC_USER}:${RPC_PASSWORD}`).toString('base64') }

const gatewayWith = (maxReply?: number): Promise<RunningGateway> =>
  startGateway({
    upstream: createHttpUpstream(parseNodes({ KOMODO_NODES: `miner=http://${RPC_USER}:${RPC_PASSWORD}@127.0.0.1:${face.port}` }), { maxSockets: 8 }),
    limits: { ratePerSec: 0, concurrency: 16, ...(maxReply ? { maxReply } : {}) },
  })

beforeAll(async () => {
  core = await devchainCore()
  face = await devchainHttp(core)
  face.server.prependListener('request', (req: http.IncomingMessage) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => seen.push(Buffer.concat(chunks).toString('utf8')))
  })
})

afterAll(async () => {
  await stop(face.server)
  await core.close()
})

describe('reads coalesced into batches', () => {
  it('answers every call as komodod answers it alone, in fewer exchanges', async () => {
    const gw = await gatewayWith()
    try {
      const bodies = [
        '{"method":"getblockcount","params":[],"id":1}',
        '{"method":"getinfo","params":[],"id":"two"}',
        '{"method":"getblockhash","params":[0],"id":3}',
        '{"method":"getblockhash","params":[99999],"id":4}',
        '{"method":"validateaddress","params":["RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA"],"id":[5]}',
        '{"method":"getblockhash","params":["1"],"id":6}',
        '{"method":"getbestblockhash","params":[],"id":null}',
        '{"method":"faucetinfo","params":[],"id":8}',
      ]
      const alone = []
      for (const b of bodies) alone.push(await post(`http://127.0.0.1:${face.port}/`, b, AUTH))
      // The node's errors are part of the test: -8 (height out of range) and -1 (type) are HTTP 500.
      expect(alone.map((a) => a.status)).toEqual([200, 200, 200, 500, 200, 500, 200, 200])
      // The first round opens the client's connections, which arrive over several turns.
      await Promise.all(bodies.map((b) => post(`${gw.url}/rpc`, b)))
      const before = seen.length
      for (let round = 0; round < 3; round++) {
        const together = await Promise.all(bodies.map((b) => post(`${gw.url}/rpc`, b)))
        expect(together.map((t) => t.status)).toEqual(alone.map((a) => a.status))
        expect(together.map((t) => t.text)).toEqual(alone.map((a) => a.text))
      }
      const sent = seen.slice(before)
      expect(sent.length).toBeLessThan(3 * bodies.length)
      expect(sent.some((s) => s.startsWith('['))).toBe(true)
    } finally {
      await gw.close()
    }
  })

  it('sends wallet changes and heavy calls alone, never in a batch', async () => {
    const gw = await gatewayWith()
    try {
      const before = seen.length
      const replies = await Promise.all([
        post(`${gw.url}/rpc`, '{"method":"getnewaddress","params":[],"id":1}'),
        post(`${gw.url}/rpc`, '{"method":"getnewaddress","params":[],"id":2}'),
        post(`${gw.url}/rpc`, '{"method":"getblockcount","params":[],"id":3}'),
        post(`${gw.url}/rpc`, '{"method":"getblockcount","params":[],"id":4}'),
      ])
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200])
      const batched = seen.slice(before).filter((s) => s.startsWith('['))
      expect(batched.every((b) => !b.includes('getnewaddress'))).toBe(true)
      expect(seen.slice(before).filter((s) => s.includes('getnewaddress')).length).toBe(2)
    } finally {
      await gw.close()
    }
  })

  it('cuts only the call whose own reply passes the cap', async () => {
    const gw = await gatewayWith(1024)
    try {
      const [help, count] = await Promise.all([
        post(`${gw.url}/rpc`, '{"method":"help","params":[],"id":1}'),
        post(`${gw.url}/rpc`, '{"method":"getblockcount","params":[],"id":2}'),
      ])
      expect(help.status).toBe(500)
      expect(help.json).toMatchObject({ result: null, error: { code: -32007 }, id: 1 })
      expect(count.status).toBe(200)
      expect(count.json).toEqual({ result: expect.any(Number), error: null, id: 2 })
      expect(gw.gateway.bytesInFlight).toBe(0)
    } finally {
      await gw.close()
    }
  })
})
