/**
 * ≥10,000 generated hostile bodies against `server/start.ts` running as its own process (built-site
 * folder, gateway, in-process devchain): the process never dies and every reply is a well-formed
 * komodod error with the status its code calls for. Batches of heavy methods (address index, block
 * dumps, generate, CC builders) with hostile params get one well-formed reply per call. Seeded, so
 * a failure replays.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHODS } from '../../../modules/catalog.ts'
import { isErrorReply, post, request } from './support.ts'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const MAX_BODY = 65536

let child: ChildProcess
let base = ''
let tmp = ''
let minerAddress = ''

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-fuzz-'))
  const dist = path.join(tmp, 'dist')
  fs.mkdirSync(dist)
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>home</title>')
  fs.writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>404</title>')
  child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, KJ_DIST: dist, PORT: '0', HOST: '127.0.0.1', DEVCHAIN_DATA: path.join(tmp, 'chain'), GATEWAY_RATE_PER_SEC: '0', GATEWAY_LOG_LEVEL: 'warn', KOMODO_NODES: '',
      // 16 keep-alive sockets from one address, and the odd one the server closes being replaced.
      GATEWAY_CONNECTIONS_PER_CLIENT: '32', GATEWAY_QUEUE_PER_CLIENT: '64' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  base = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Komodo Journeys on (http:\/\/[\d.:]+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)))
  })
  // The miner's coinbase address: its address-index replies grow with every block a case mines.
  const block = (await post(`${base}/rpc`, '{"method":"getblock","params":["1",2]}')).json as { result: { tx: { vout: { scriptPubKey: { addresses: string[] } }[] }[] } }
  minerAddress = block.result.tx[0].vout[0].scriptPubKey.addresses[0]
}, 120_000)

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
  fs.rmSync(tmp, { recursive: true, force: true })
})

/** mulberry32: small, seeded, good enough to spread cases. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Case {
  kind: string
  body: Buffer
  /** Expected status and code for a single reply; `batch` = 200 with one error per element. */
  status: number
  code?: number
  batch?: number
  /** With `batch`: the elements may be results too (heavy calls with params that can be valid). */
  anyReply?: boolean
}

const NEVER = METHODS.filter((m) => m.safety === 'never').map((m) => m.name)

function generate(count: number, seed: number): Case[] {
  const r = rng(seed)
  const int = (n: number) => Math.floor(r() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]
  const str = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + int(95))).join('')
  const scalar = (): unknown => pick([() => int(1e6) - 5e5, () => r() > 0.5, () => str(int(20)), () => null, () => r() * 1e300, () => -0])()
  const value = (depth: number): unknown => {
    if (depth <= 0 || r() < 0.4) return scalar()
    if (r() < 0.5) return Array.from({ length: int(4) }, () => value(depth - 1))
    return Object.fromEntries(Array.from({ length: int(4) }, () => [pick(['a', '__proto__', 'constructor', 'method', 'params', str(5)]), value(depth - 1)]))
  }
  const j = (v: unknown) => Buffer.from(JSON.stringify(v))
  const unknownMethod = () => 'x_' + str(1 + int(12)).replace(/[^a-z0-9]/gi, 'q')
  const neverCall = () => ({ method: pick(NEVER), params: [value(2)], id: int(1000) })
  const badElement = (): unknown => pick<() => unknown>([
    () => scalar(),
    () => ({ params: [] }),
    () => ({ method: int(9) }),
    () => ({ method: 'getinfo', params: 'x' }),
    () => neverCall(),
    () => ({ method: unknownMethod() }),
  ])()

  const makers: Array<() => Case> = [
    // Bad JSON: any proper prefix of an object is invalid, so is anything starting with '}'.
    () => {
      const full = JSON.stringify({ method: 'getinfo', params: [value(2)], id: 1 })
      return { kind: 'truncated', body: Buffer.from(full.slice(0, int(full.length))), status: 500, code: -32700 }
    },
    () => ({ kind: 'garbage', body: Buffer.concat([Buffer.from('}'), Buffer.from(Array.from({ length: int(200) }, () => int(256)))]), status: 500, code: -32700 }),
    // Invalid UTF-8 inside an otherwise valid request.
    () => ({ kind: 'utf8', body: Buffer.concat([Buffer.from('{"method":"getinfo","params":["'), Buffer.from([pick([0xff, 0xc0, 0xed, 0xf8, 0x80]), int(256) | 0x80]), Buffer.from('"]}')]), status: 500, code: -32700 }),
    // Top level neither object nor array.
    () => ({ kind: 'top-level', body: j(scalar()), status: 500, code: -32700 }),
    // Wrong member types.
    () => ({ kind: 'method-type', body: j({ method: pick([1, true, [], {}, 2.5]), params: [], id: 1 }), status: 400, code: -32600 }),
    () => ({ kind: 'missing-method', body: j({ params: [value(2)], id: value(1) }), status: 400, code: -32600 }),
    () => ({ kind: 'params-type', body: j({ method: 'getinfo', params: pick(['x', 1, { a: 1 }, true]), id: 1 }), status: 400, code: -32600 }),
    // Deep nesting, in params or in the id.
    () => {
      const d = 33 + int(3000)
      const open = r() < 0.5 ? '['.repeat(d) : '{"a":'.repeat(d)
      const close = open.startsWith('[') ? ']'.repeat(d) : '}'.repeat(d)
      const body = Buffer.from(`{"method":"getinfo","params":[${open}1${close}],"id":1}`)
      return { kind: 'deep', body, status: body.length > MAX_BODY ? 413 : 500, code: body.length > MAX_BODY ? -32600 : -32700 }
    },
    // Huge strings: over the limit → 413; under it, still refused by the policy.
    () => ({ kind: 'huge', body: j({ method: 'getinfo', params: ['x'.repeat(MAX_BODY + int(100_000))] }), status: 413, code: -32600 }),
    () => ({ kind: 'big-never', body: j({ method: pick(NEVER), params: ['y'.repeat(int(60_000))], id: 1 }), status: 403, code: -32601 }),
    // Giant batches.
    () => {
      const body = j(Array.from({ length: 21 + int(400) }, () => ({ method: 'getblockcount' })))
      return { kind: 'giant-batch', body, status: body.length > MAX_BODY ? 413 : 400, code: -32600 }
    },
    // __proto__ and friends cannot smuggle a method in.
    () => ({ kind: 'proto', body: Buffer.from(`{"__proto__":{"method":"getinfo","params":[]},"constructor":{"prototype":{"method":"getinfo"}},"id":${int(9)}}`), status: 400, code: -32600 }),
    () => ({ kind: 'proto-method', body: j({ method: pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']), params: [] }), status: 404, code: -32601 }),
    // Refused by the policy, with random params.
    () => ({ kind: 'never', body: j(neverCall()), status: 403, code: -32601 }),
    () => ({ kind: 'unknown', body: j({ method: unknownMethod(), params: [value(3)], id: value(1) }), status: 404, code: -32601 }),
    // Batches whose every element is refused or malformed: 200, one error each.
    () => {
      const n = 1 + int(20)
      return { kind: 'bad-batch', body: j(Array.from({ length: n }, badElement)), status: 200, batch: n }
    },
    // Byte mutations of a never call: must still be some well-formed error.
    () => {
      const b = Buffer.from(JSON.stringify(neverCall()))
      for (let k = 1 + int(3); k > 0; k--) b[int(b.length)] = int(256)
      return { kind: 'mutated', body: b, status: -1 }
    },
  ]
  // Heavy methods with params from valid to hostile, as a reader flooding the expensive calls would send.
  const address = () => pick([minerAddress, minerAddress, 'RXL3YXG2ceaB6C5hfJcN4fvmLH2C34knhA', str(34), ''])
  const heavyCall = (id: number): unknown => pick<() => unknown>([
    () => ({ method: pick(['getaddressutxos', 'getaddresstxids', 'getaddressbalance']), params: [pick([{ addresses: [address()] }, address(), { addresses: address() }, value(2)])], id }),
    () => ({ method: 'getaddressutxos', params: [{ addresses: [minerAddress], chainInfo: true }, pick(['1', 1, null])].slice(0, 1 + int(2)), id }),
    () => ({ method: 'getblock', params: [pick(['1', '2', '0', '-1', str(64), String(int(1e6))]), pick([0, 1, 2, 3, -1, 'x'])], id }),
    () => ({ method: 'generate', params: [pick([-1, 0, 1, 2, 1001, 5000, 1e9, 2.5, '3', null])], id }),
    () => ({ method: pick(['faucetget', 'faucetfund', 'tokencreate', 'tokentransfer']), params: Array.from({ length: int(4) }, () => pick([str(8), '1', '-1', '1e9', value(1)])), id }),
    () => ({ method: pick(['listunspent', 'getrawmempool']), params: Array.from({ length: int(3) }, () => scalar()), id }),
  ])()
  makers.push(
    () => {
      const n = 1 + int(20)
      return { kind: 'heavy-batch', body: j(Array.from({ length: n }, (_, i) => heavyCall(i))), status: 200, batch: n, anyReply: true }
    },
    // The amplification shape of issue 16: a full batch of the same big address-index call.
    () => ({ kind: 'heavy-amplify', body: j(Array.from({ length: 20 }, (_, i) => ({ method: 'getaddressutxos', params: [{ addresses: [minerAddress] }], id: i }))), status: 200, batch: 20, anyReply: true }),
  )
  return Array.from({ length: count }, () => pick(makers)())
}

/** A well-formed komodod reply: exactly result, error, id; an error is {code:int, message:string} with a null result. */
function isReply(v: unknown): boolean {
  if (isErrorReply(v)) return true
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  const keys = Object.keys(v)
  return keys.length === 3 && keys[0] === 'result' && keys[1] === 'error' && keys[2] === 'id' && (v as { error: unknown }).error === null
}

/** The status komodod (or the gateway's documented extension) gives each error code. */
const statusesFor = (code: number): number[] =>
  code === -32700 ? [500] : code === -32600 ? [400, 413] : code === -32601 ? [403, 404] : code === -32000 ? [429] : []

async function pool<T>(items: T[], width: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++])
  }))
}

/**
 * A kept-alive socket the server closed as idle (its keepAliveTimeout) while this client reused it
 * fails with "socket hang up" before any byte of an answer: a client-side race, retried once on a
 * fresh socket. Counted, so a server that really hangs up shows.
 */
let retried = 0
async function askOnce(body: Buffer) {
  try {
    return await post(`${base}/rpc`, body)
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code !== 'ECONNRESET') throw e
    retried++
    return post(`${base}/rpc`, body, { connection: 'close' })
  }
}

describe('fuzzing the gateway over HTTP', () => {
  // 10,000 round trips take ~10 s on an idle 2-core machine; the margin is for a busy one.
  it('survives 10,000 hostile bodies, each answered with a well-formed error and the right status', { timeout: 300_000 }, async () => {
    const cases = generate(10_000, 0x5eed)
    const failures: string[] = []
    const seen = new Map<string, number>()
    await pool(cases, 16, async (c) => {
      seen.set(c.kind, (seen.get(c.kind) ?? 0) + 1)
      const r = await askOnce(c.body)
      const fail = (why: string) => failures.length < 20 && failures.push(`${c.kind} ${why}: ${c.body.subarray(0, 80).toString('latin1')} → ${r.status} ${r.text.slice(0, 160)}`)
      if (r.headers['content-type'] !== 'application/json') return void fail('content-type')
      if (c.batch !== undefined) {
        const ok = c.anyReply ? isReply : isErrorReply
        if (r.status !== 200 || !Array.isArray(r.json) || r.json.length !== c.batch || !r.json.every(ok)) fail('batch')
        else if (c.anyReply && (r.json as { id: unknown }[]).some((x, i) => x.id !== i)) fail('batch order')
        return
      }
      if (!isErrorReply(r.json)) return void fail('not an error reply')
      const code = (r.json as { error: { code: number } }).error.code
      if (c.status === -1) {
        if (!statusesFor(code).includes(r.status)) fail('status/code mismatch')
      } else if (r.status !== c.status || code !== c.code) fail(`expected ${c.status}/${c.code}`)
    })
    expect(failures).toEqual([])
    expect(retried).toBeLessThan(10)
    expect(cases.length).toBeGreaterThanOrEqual(10_000)
    expect(seen.size).toBe(19) // every generator ran
    expect(child.exitCode).toBeNull()
    expect((await request('GET', `${base}/healthz`)).status).toBe(200)
    const after = await post(`${base}/rpc`, '{"method":"getblockcount","id":1}')
    expect(after.status).toBe(200)
  })
})
