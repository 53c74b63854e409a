/**
 * First-load JavaScript (gzip) of the built site, measured the way a reader pays for it: Chromium
 * loads the page from a static server and every script it fetches (entry, route chunk, and the
 * lazily registered components that page renders) is counted, gzipped at level 9.
 * Target: ≤ 100 KB on a journey page. Set KJ_BENCH_DIST to measure an existing build.
 */
import fs from 'node:fs'
import zlib from 'node:zlib'
import { launchBrowser } from '../test/support/browser.ts'
import { buildSite } from '../test/support/site.ts'
import { startServer } from '../server/start.ts'

const RUNS = 3
const TARGET_KB = 100
const PAGES: [string, string][] = [
  ['home', '/'],
  ['journey (faucet)', '/journeys/faucet.html'],
  ['components demo', '/guides/components.html'],
]

const given = process.env.KJ_BENCH_DIST
const dist = given && fs.existsSync(`${given}/index.html`) ? given : buildSite()
const server = await startServer({ dist, port: 0, host: '127.0.0.1', gateway: false })
const gz = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function firstLoad(route: string): Promise<{ bytes: number; files: number; components: number }> {
  // A fresh profile each run: nothing cached, as on a first visit.
  const browser = await launchBrowser()
  const page = await browser.newPage()
  const scripts = new Map<string, Promise<Buffer>>()
  page.on('response', (res) => {
    const url = res.url()
    if (res.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(url)) scripts.set(url, res.body())
  })
  await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' })
  const bodies = await Promise.all(scripts.values())
  await browser.close()
  const components = [...scripts.keys()].filter((u) => /\/(RpcCall|Journey|Step|ChainStatus|MineBlocks|Broadcast|TxView|BlockView|FaucetPanel|TokenPanel)[.-]/.test(u)).length
  return { bytes: bodies.reduce((s, b) => s + gz(b), 0), files: bodies.length, components }
}

try {
  for (const [label, route] of PAGES) {
    const runs: number[] = []
    let last = { files: 0, components: 0 }
    for (let i = 0; i < RUNS; i++) {
      const r = await firstLoad(route)
      runs.push(r.bytes)
      last = r
    }
    const kb = median(runs) / 1024
    const note = label.startsWith('journey') ? ` (target ≤ ${TARGET_KB} KB, ratio ${(kb / TARGET_KB).toFixed(2)})` : ''
    console.log(`first-load JS gzip, ${label} ${route}: ${kb.toFixed(1)} KB median of ${RUNS}, ${last.files} scripts, ${last.components} component chunks${note}`)
  }
} finally {
  await server.close()
}
