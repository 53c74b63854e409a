/**
 * `npm start` bound to every interface (what the image does, HOST=0.0.0.0) in the `local` profile,
 * reached over a real socket from this machine's own network address: the peer the server sees is
 * then that address, not loopback, exactly as a neighbour on the network would be seen. The
 * packets never leave the machine (the kernel routes a connection to its own address through lo).
 * The request names Host 127.0.0.1, so only the peer check can refuse it.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevchain, type Devchain } from '../../support/devchain.ts'
import { createDevchainUpstream, createGateway, createLogger, parseAddressList } from '../../../server/gateway/index.ts'
import type { RunningServer } from '../../../server/start.ts'
import { startServer } from '../../../server/start.ts'

/** The first address of this machine that is not loopback (IPv4 preferred). */
function networkAddress(): { address: string; family: 'IPv4' | 'IPv6' } {
  const all = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal)
  // A link-local IPv6 address needs a scope to connect to; any other works.
  const pick = all.find((a) => a!.family === 'IPv4') ?? all.find((a) => a!.family === 'IPv6' && !a!.address.startsWith('fe80'))
  if (!pick) throw new Error('this machine has no network address besides loopback, so no non-loopback peer can be made')
  return { address: pick.address, family: pick.family as 'IPv4' | 'IPv6' }
}

let dist = ''
let chain: Devchain
const servers: RunningServer[] = []
const own = networkAddress()

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-peer-'))
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>home</title>')
  fs.writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>404</title>')
  chain = await createDevchain({ dataDir: null })
})
afterAll(async () => {
  for (const s of servers) await s.close()
  await chain.close()
  fs.rmSync(dist, { recursive: true, force: true })
})

async function serve(allowedPeers = ''): Promise<number> {
  const gateway = createGateway({
    upstream: createDevchainUpstream(chain, { ownsChain: false }),
    limits: { ratePerSec: 0 },
    allowedPeers: parseAddressList(allowedPeers, 'GATEWAY_ALLOWED_PEERS'),
    logger: createLogger('silent'),
  })
  const s = await startServer({ dist, port: 0, host: own.family === 'IPv4' ? '0.0.0.0' : '::', gateway })
  servers.push(s)
  return Number(new URL(s.url).port)
}

/** POST from `from` to `to`, with Host 127.0.0.1 so the Host check has nothing to say. */
function call(to: string, port: number, from: string, body: string): Promise<{ status: number; json: { error: { code: number; message: string } | null; result: unknown } }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: to, port, localAddress: from, path: '/rpc', method: 'POST', agent: false, headers: { host: `127.0.0.1:${port}`, 'content-type': 'text/plain' } }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const loopback = () => (own.family === 'IPv4' ? '127.0.0.1' : '::1')

describe('the local profile over a real socket from a network address', () => {
  it('answers 403 to a non-loopback peer and 200 to loopback on the same server', async () => {
    const port = await serve()
    const refused = await call(own.address, port, own.address, '{"method":"getblockcount","id":1}')
    expect(refused.status).toBe(403)
    expect(refused.json.error).toEqual({ code: -32006, message: expect.stringContaining('GATEWAY_ALLOWED_PEERS') })
    // The calls `local` exists for are the ones that must not reach a neighbour.
    expect((await call(own.address, port, own.address, '{"method":"generate","params":[1]}')).status).toBe(403)
    const before = (await call(loopback(), port, loopback(), '{"method":"getblockcount"}')).json.result
    expect((await call(own.address, port, own.address, '{"method":"generate","params":[1]}')).status).toBe(403)
    expect((await call(loopback(), port, loopback(), '{"method":"getblockcount"}')).json.result).toBe(before)
    const local = await call(loopback(), port, loopback(), '{"method":"getblockcount","id":1}')
    expect(local.status).toBe(200)
  })

  it('answers the same peer once the operator lists it (GATEWAY_ALLOWED_PEERS)', async () => {
    const port = await serve(own.address)
    const r = await call(own.address, port, own.address, '{"method":"getblockcount","id":1}')
    expect(r.status).toBe(200)
    expect(r.json.error).toBeNull()
  })
})
