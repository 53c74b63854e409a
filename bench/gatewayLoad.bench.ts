/**
 * The gateway under hostile load (issue 16), against `npm start` as its own process with the
 * in-process devchain on an 80,000-block chain (BENCH_BLOCKS), every limit at its default:
 *   amplification  one batch of 20 getaddressutxos of the miner's address (80,000 utxos each):
 *                  the gateway's peak RSS while it answers (target ≤ 400 MB), and the cap error;
 *   fairness       one client (127.0.0.3, 8 connections) floods heavy calls while another
 *                  (127.0.0.2) asks getblockcount in a loop: its p50/p99 (target p99 ≤ 100 ms),
 *                  and the gateway's peak RSS meanwhile (for scale: no target of its own).
 * Medians of several runs. Never fails on slowness.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { createDevchain } from '../devchain/index.ts'
import { fileStorage } from '../devchain/platform/node/fileStore.ts'
import { cpuSecondsOf, rssMb } from './support/measure.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const BLOCKS = Number(process.env.BENCH_BLOCKS) || 80_000
const RUNS = 3
const FLOOD_SECONDS = 8

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
function line(name: string, runs: number[], unit: string, target: number, d = 0) {
  const value = median(runs)
  const ratio = target / Math.max(value, 1e-9)
  console.log(`${name}: ${fmt(value, d)} ${unit} (median of ${runs.length}: ${runs.map((r) => fmt(r, d)).join(', ')}); target ≤ ${fmt(target, d)} ${unit}; ${fmt(ratio, 2)}× target (${ratio >= 1 ? 'meets' : 'misses'})`)
}
const info = (name: string, runs: number[], unit: string, d = 0) =>
  console.log(`${name}: ${fmt(median(runs), d)} ${unit} (median of ${runs.length}: ${runs.map((r) => fmt(r, d)).join(', ')})`)

/** POST through an agent bound to one loopback address, so the gateway sees distinct clients. */
function poster(localAddress: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, localAddress })
  return {
    agent,
    post: (url: string, body: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'text/plain' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
        })
        req.on('error', reject)
        req.end(body)
      }),
  }
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-gw-load-'))
  const dist = path.join(tmp, 'dist')
  fs.mkdirSync(dist)
  fs.writeFileSync(path.join(dist, 'index.html'), 'home')
  fs.writeFileSync(path.join(dist, '404.html'), 'missing')
  const dataDir = path.join(tmp, 'chain')
  let child: ChildProcess | null = null
  try {
    const t0 = performance.now()
    const chain = await createDevchain({ dataDir, storage: fileStorage })
    for (let h = 1; h < BLOCKS; h += 1000) await chain.call('miner', 'generate', [Math.min(1000, BLOCKS - h)])
    await chain.close()
    console.log(`(chain of ${fmt(BLOCKS)} blocks built in ${fmt((performance.now() - t0) / 1000, 1)} s)`)

    child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, KJ_DIST: dist, PORT: '0', HOST: '127.0.0.1', DEVCHAIN_DATA: dataDir, KOMODO_NODES: '', GATEWAY_RATE_PER_SEC: '0', GATEWAY_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const base = await new Promise<string>((resolve, reject) => {
      let out = ''
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /Komodo Journeys on (http:\/\/[\d.:]+)/.exec(out)
        if (m) resolve(m[1])
      })
      child!.once('exit', (code) => reject(new Error(`server exited ${code}`)))
    })
    const pid = child.pid!
    const url = `${base}/rpc`
    const reader = poster('127.0.0.2', 1)
    const flooder = poster('127.0.0.3', 8)
    const block = JSON.parse((await reader.post(url, '{"method":"getblock","params":["1",2]}')).text) as { result: { tx: { vout: { scriptPubKey: { addresses: string[] } }[] }[] } }
    const miner = block.result.tx[0].vout[0].scriptPubKey.addresses[0]
    const utxos = (id: number) => ({ method: 'getaddressutxos', params: [{ addresses: [miner] }], id })

    // ── amplification ──
    const peaks: number[] = []
    const sizes: number[] = []
    const baseline: number[] = []
    const cpu: number[] = []
    let capped = 0
    for (let i = 0; i < RUNS; i++) {
      await new Promise((r) => setTimeout(r, 500))
      baseline.push(rssMb(pid))
      let peak = 0
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10)
      const cpu0 = cpuSecondsOf(pid)
      const r = await flooder.post(url, JSON.stringify(Array.from({ length: 20 }, (_, k) => utxos(k))))
      cpu.push(cpuSecondsOf(pid) - cpu0)
      clearInterval(sampler)
      peaks.push(Math.max(peak, rssMb(pid)))
      sizes.push(r.text.length / 1e6)
      const items = JSON.parse(r.text) as { error: { code: number; message: string } | null }[]
      if (items.some((x) => x.error?.code === -32007)) capped++
      if (i === 0) console.log(`(amplification reply: HTTP ${r.status}, ${items.length} replies, first error: ${JSON.stringify(items.find((x) => x.error)?.error ?? null)})`)
    }
    info('gateway RSS before the amplification batch', baseline, 'MB')
    line('gateway peak RSS during a batch of 20 getaddressutxos (80,000 utxos each)', peaks, 'MB', 400)
    info('amplification reply size (the issue measured 404 MB)', sizes, 'MB', 2)
    info('gateway CPU for the amplification batch (does not grow with the machine\'s load)', cpu, 'CPU-s', 2)
    console.log(`amplification batch answered with the cap error in ${capped} of ${RUNS} runs`)

    // ── fairness ──
    const heavy = [
      JSON.stringify(utxos(1)),
      JSON.stringify({ method: 'getaddresstxids', params: [{ addresses: [miner] }], id: 2 }),
      JSON.stringify({ method: 'getblock', params: [String(BLOCKS - 1), 2], id: 3 }),
      JSON.stringify({ method: 'getaddressbalance', params: [{ addresses: [miner] }], id: 4 }),
    ]
    const p50s: number[] = []
    const p99s: number[] = []
    const floodCalls: number[] = []
    const floodPeaks: number[] = []
    for (let i = 0; i < RUNS; i++) {
      let floodPeak = 0
      const sampler = setInterval(() => (floodPeak = Math.max(floodPeak, rssMb(pid))), 10)
      let stop = false
      let flooded = 0
      const flood = Array.from({ length: 8 }, async (_, k) => {
        for (let n = k; !stop; n++) {
          await flooder.post(url, heavy[n % heavy.length]).catch(() => undefined)
          flooded++
        }
      })
      await new Promise((r) => setTimeout(r, 500))
      const t: number[] = []
      const end = performance.now() + FLOOD_SECONDS * 1000
      while (performance.now() < end) {
        const s = performance.now()
        const r = await reader.post(url, '{"method":"getblockcount","id":1}')
        if (r.status !== 200) throw new Error(`getblockcount answered ${r.status}: ${r.text}`)
        t.push(performance.now() - s)
      }
      stop = true
      await Promise.all(flood)
      clearInterval(sampler)
      floodPeaks.push(floodPeak)
      t.sort((a, b) => a - b)
      p50s.push(t[Math.floor(t.length * 0.5)])
      p99s.push(t[Math.floor(t.length * 0.99)])
      floodCalls.push(flooded / FLOOD_SECONDS)
    }
    console.log(`(load average during the bench: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.cpus().length} cores)`)
    info('heavy calls per second answered to the flooding client (8 connections; refusals included)', floodCalls, 'calls/s', 1)
    info('gateway peak RSS during the flood', floodPeaks, 'MB')
    info('getblockcount p50 of another client during the flood', p50s, 'ms', 1)
    line('getblockcount p99 of another client during the flood', p99s, 'ms', 100, 1)
    reader.agent.destroy()
    flooder.agent.destroy()
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM')
      await new Promise((r) => child!.once('exit', r))
    }
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

await main()
