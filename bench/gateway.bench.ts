/**
 * Gateway figures (issue 6): latency the gateway adds over the devchain's own HTTP face (p50, p99,
 * one connection, sequential) and throughput at 32 connections (autocannon), in two set-ups:
 *   in-process  npm start with the embedded devchain        vs  the devchain's HTTP face
 *   relay       npm start → KOMODO_NODES → devchain HTTP face  vs  the devchain's HTTP face
 *               (the upstream client is undici's Pool; target ≥ 50% of direct throughput)
 * plus, for scale, a bare relay (http.request piping bytes, no checks) in the same position.
 * Every server is its own process with logs at the default level (to /dev/null). Medians of
 * several runs, with the ratio to the target. Never fails on slowness.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { cpuSecondsOf } from './support/measure.ts'

interface CannonResult {
  requests: { average: number; total: number }
  non2xx: number
  errors: number
}
// Loaded untyped: autocannon ships no TypeScript declarations.
const autocannon = createRequire(import.meta.url)('autocannon') as (o: Record<string, unknown>) => Promise<CannonResult>

const ROOT = path.resolve(import.meta.dirname, '..')
const USER = 'bench'
const PASS = 'bench-pass'
const AUTH = 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64')
const BODY = '{"method":"getblockcount","params":[],"id":1}'
const RUNS = 3

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

function line(name: string, value: number, unit: string, target: number, higherIsBetter: boolean, runs: number[], d = 0) {
  const ratio = higherIsBetter ? value / target : target / Math.max(value, 1e-9)
  console.log(`${name}: ${fmt(value, d)} ${unit} (median of ${runs.length}: ${runs.map((r) => fmt(r, d)).join(', ')}); target ${higherIsBetter ? '≥' : '≤'} ${fmt(target, d)} ${unit}; ${fmt(ratio, 2)}× target (${ratio >= 1 ? 'meets' : 'misses'})`)
}

function info(name: string, value: number, unit: string, runs: number[], d = 0) {
  console.log(`${name}: ${fmt(value, d)} ${unit} (median of ${runs.length}: ${runs.map((r) => fmt(r, d)).join(', ')})`)
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

const devNull = fs.openSync('/dev/null', 'w')

async function spawnServer(args: string[], env: Record<string, string>, url: string, headers: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', devNull, 'inherit'] })
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}`)
    const ok = await fetch(url, { method: 'POST', headers, body: BODY }).then((r) => r.ok, () => false)
    if (ok) return child
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${args.join(' ')} never answered`)
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

function once(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'text/plain', ...headers } }, (res) => {
      res.on('data', () => {})
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))))
    })
    req.on('error', reject)
    req.end(BODY)
  })
}

/** Sequential round trips on one kept-alive connection: p50 and p99 in ms. */
async function latency(url: string, headers: Record<string, string>, n = 3000): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 300; i++) await once(url, headers)
  const t: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await once(url, headers)
    t.push(performance.now() - t0)
  }
  t.sort((a, b) => a - b)
  return { p50: t[Math.floor(n * 0.5)], p99: t[Math.floor(n * 0.99)] }
}

/**
 * Requests per second, and CPU µs per request of each process named in `pids` and of this process
 * (autocannon, the load generator): the CPU figures do not shrink when other work shares the machine.
 */
async function throughput(url: string, headers: Record<string, string>, pids: number[]): Promise<{ rps: number; cpuUs: number[]; loadUs: number }> {
  const before = pids.map(cpuSecondsOf)
  const self0 = process.cpuUsage()
  const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: BODY, connections: 32, duration: 5 })
  const self = process.cpuUsage(self0)
  if (r.non2xx || r.errors) console.log(`  (warning: ${r.non2xx} non-2xx, ${r.errors} errors at ${url})`)
  const n = Math.max(1, r.requests.total)
  return { rps: r.requests.average, cpuUs: pids.map((p, i) => ((cpuSecondsOf(p) - before[i]) * 1e6) / n), loadUs: ((self.user + self.system) / n) }
}

/** The reference: what any extra HTTP hop costs here, with no parsing, policy or logs. */
function bareRelay(port: number, upstreamPort: number): void {
  const upstream = new http.Agent({ keepAlive: true, maxSockets: 32 })
  http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const up = http.request({ host: '127.0.0.1', port: upstreamPort, method: 'POST', path: '/', agent: upstream, headers: { authorization: AUTH, 'content-length': body.length } }, (ur) => {
        const out: Buffer[] = []
        ur.on('data', (c: Buffer) => out.push(c))
        ur.on('end', () => {
          const b = Buffer.concat(out)
          res.writeHead(ur.statusCode ?? 502, { 'content-type': 'application/json', 'content-length': b.length })
          res.end(b)
        })
      })
      up.on('error', () => res.writeHead(502).end())
      up.end(body)
    })
  }).listen(port, '127.0.0.1')
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-gw-bench-'))
  const dist = path.join(tmp, 'dist')
  fs.mkdirSync(dist)
  fs.writeFileSync(path.join(dist, 'index.html'), 'home')
  fs.writeFileSync(path.join(dist, '404.html'), 'missing')
  const children: ChildProcess[] = []
  try {
    const chainPort = await freePort()
    const direct = `http://127.0.0.1:${chainPort}/`
    const auth = { authorization: AUTH }
    children.push(await spawnServer(['server/chain/cli.ts', `-rpcport=${chainPort}`, `-datadir=${path.join(tmp, 'direct')}`], { DEVCHAIN_RPC_USER: USER, DEVCHAIN_RPC_PASSWORD: PASS }, direct, auth))

    // 32 autocannon connections from one address: the per-client connection cap is raised to let them in.
    const gwEnv = { KJ_DIST: dist, HOST: '127.0.0.1', GATEWAY_RATE_PER_SEC: '0', GATEWAY_CONCURRENCY: '32', GATEWAY_QUEUE: '256', GATEWAY_QUEUE_PER_CLIENT: '256', GATEWAY_CONNECTIONS_PER_CLIENT: '64' }
    const inprocPort = await freePort()
    const inproc = `http://127.0.0.1:${inprocPort}/rpc`
    children.push(await spawnServer(['server/start.ts'], { ...gwEnv, PORT: String(inprocPort), KOMODO_NODES: '', DEVCHAIN_DATA: path.join(tmp, 'inproc') }, inproc, {}))
    const relayPort = await freePort()
    const relay = `http://127.0.0.1:${relayPort}/rpc`
    children.push(await spawnServer(['server/start.ts'], { ...gwEnv, PORT: String(relayPort), KOMODO_NODES: `miner=http://${USER}:${PASS}@127.0.0.1:${chainPort}` }, relay, {}))
    const barePort = await freePort()
    const bare = `http://127.0.0.1:${barePort}/`
    children.push(await spawnServer(['bench/gateway.bench.ts', '--bare-relay', String(barePort), String(chainPort)], {}, bare, {}))

    type Lat = { p50: number; p99: number }
    const lat = { direct: [] as Lat[], inproc: [] as Lat[], relay: [] as Lat[], bare: [] as Lat[] }
    for (let i = 0; i < RUNS; i++) {
      lat.direct.push(await latency(direct, auth))
      lat.inproc.push(await latency(inproc, {}))
      lat.relay.push(await latency(relay, {}))
      lat.bare.push(await latency(bare, {}))
    }
    const p = (k: keyof typeof lat, q: 'p50' | 'p99') => lat[k].map((x) => x[q])
    info('getblockcount p50, devchain HTTP face (direct)', median(p('direct', 'p50')), 'ms', p('direct', 'p50'), 3)
    info('getblockcount p99, devchain HTTP face (direct)', median(p('direct', 'p99')), 'ms', p('direct', 'p99'), 3)
    for (const k of ['inproc', 'relay'] as const) {
      const name = k === 'inproc' ? 'in-process devchain' : 'relay to the HTTP face'
      const added50 = lat[k].map((x, i) => x.p50 - lat.direct[i].p50)
      const added99 = lat[k].map((x, i) => x.p99 - lat.direct[i].p99)
      info(`getblockcount p50 through the gateway (${name})`, median(p(k, 'p50')), 'ms', p(k, 'p50'), 3)
      line(`added p50 latency, ${name}`, median(added50), 'ms', 0.5, false, added50, 3)
      info(`added p99 latency, ${name}`, median(added99), 'ms', added99, 3)
    }
    const bareAdded = lat.bare.map((x, i) => x.p50 - lat.direct[i].p50)
    info('for scale: added p50 latency of a bare relay (no checks, no logs) in the same place', median(bareAdded), 'ms', bareAdded, 3)

    const [chainPid, inprocPid, relayPid, barePid] = children.map((c) => c.pid!)
    type Run = { rps: number; cpuUs: number[]; loadUs: number }
    const runs = { direct: [] as Run[], inproc: [] as Run[], relay: [] as Run[], bare: [] as Run[] }
    for (let i = 0; i < RUNS; i++) {
      runs.direct.push(await throughput(direct, auth, [chainPid]))
      runs.inproc.push(await throughput(inproc, {}, [inprocPid]))
      runs.relay.push(await throughput(relay, {}, [relayPid, chainPid]))
      runs.bare.push(await throughput(bare, {}, [barePid, chainPid]))
    }
    const tp = { direct: runs.direct.map((r) => r.rps), inproc: runs.inproc.map((r) => r.rps), relay: runs.relay.map((r) => r.rps), bare: runs.bare.map((r) => r.rps) }
    info('throughput at 32 connections, devchain HTTP face (direct)', median(tp.direct), 'req/s', tp.direct)
    for (const k of ['inproc', 'relay'] as const) {
      const name = k === 'inproc' ? 'in-process devchain' : 'relay to the HTTP face'
      info(`throughput at 32 connections through the gateway (${name})`, median(tp[k]), 'req/s', tp[k])
      const share = tp[k].map((x, i) => (100 * x) / tp.direct[i])
      line(`throughput share of direct, ${name}`, median(share), '%', 50, true, share, 1)
    }
    const bareShare = tp.bare.map((x, i) => (100 * x) / tp.direct[i])
    info('for scale: throughput share of direct for a bare relay (no checks, no logs)', median(bareShare), '%', bareShare, 1)
    const ofBare = tp.relay.map((x, i) => (100 * x) / tp.bare[i])
    info('gateway relay throughput as a share of the bare relay', median(ofBare), '%', ofBare, 1)
    // CPU per request: with every process CPU-bound on the same cores, throughput is inversely
    // proportional to the CPU all of them spend per request, load generator included.
    const us = (rs: Run[], f: (r: Run) => number) => rs.map(f)
    info('CPU per request, direct: devchain', median(us(runs.direct, (r) => r.cpuUs[0])), 'µs', us(runs.direct, (r) => r.cpuUs[0]), 1)
    info('CPU per request, direct: autocannon', median(us(runs.direct, (r) => r.loadUs)), 'µs', us(runs.direct, (r) => r.loadUs), 1)
    info('CPU per request, relay: gateway', median(us(runs.relay, (r) => r.cpuUs[0])), 'µs', us(runs.relay, (r) => r.cpuUs[0]), 1)
    info('CPU per request, relay: devchain behind it', median(us(runs.relay, (r) => r.cpuUs[1])), 'µs', us(runs.relay, (r) => r.cpuUs[1]), 1)
    info('CPU per request, relay: autocannon', median(us(runs.relay, (r) => r.loadUs)), 'µs', us(runs.relay, (r) => r.loadUs), 1)
    info('CPU per request, bare relay', median(us(runs.bare, (r) => r.cpuUs[0])), 'µs', us(runs.bare, (r) => r.cpuUs[0]), 1)
    const cpuShare = runs.relay.map((r, i) => (100 * (runs.direct[i].cpuUs[0] + runs.direct[i].loadUs)) / (r.cpuUs[0] + r.cpuUs[1] + r.loadUs))
    info('relay share of direct when CPU-bound (direct CPU per request ÷ relay CPU per request, all processes)', median(cpuShare), '%', cpuShare, 1)
    console.log(`(load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.cpus().length} cores)`)
  } finally {
    for (const c of children) c.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    fs.rmSync(tmp, { recursive: true, force: true })
    agent.destroy()
  }
}

if (process.argv[2] === '--bare-relay') bareRelay(Number(process.argv[3]), Number(process.argv[4]))
else await main()
