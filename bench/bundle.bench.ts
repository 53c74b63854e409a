/**
 * First-load JavaScript (gzip) of the built site, measured the way a reader pays for it: Chromium
 * loads the page from a static server and every script it fetches (entry, route chunk, and the
 * lazily registered components that page renders) is counted, gzipped at level 9.
 * Target: ≤ 100 KB on every page. Set KJ_BENCH_DIST to measure an existing build.
 */
import fs from 'node:fs'
import zlib from 'node:zlib'
import { launchBrowser } from '../test/support/browser.ts'
import { buildSite } from '../test/support/site.ts'
import { startServer } from '../server/start.ts'

const RUNS = 3
const TARGET_KB = 100
// Every journey, since the budget holds on every page, plus the home page and the two guides.
const JOURNEYS = fs.readdirSync(new URL('../docs/journeys/', import.meta.url)).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort()
// KJ_BENCH_PAGES=/a.html,/b/ measures those routes instead (any page may be checked against the budget).
const PAGES: [string, string][] = process.env.KJ_BENCH_PAGES
  ? process.env.KJ_BENCH_PAGES.split(',').map((route): [string, string] => ['page', route.trim()])
  : [
    ['home', '/'],
    ...JOURNEYS.map((name): [string, string] => [`journey (${name})`, `/journeys/${name}.html`]),
    // The same journeys in Russian, the locale whose text weighs most: a translated page also loads its
    // locale's UI strings and theme data, and its page chunk is larger.
    ...JOURNEYS.map((name): [string, string] => [`journey (${name}, ru)`, `/ru/journeys/${name}.html`]),
    ['components demo', '/guides/components.html'],
    ['docker guide', '/guides/docker.html'],
  ]

const given = process.env.KJ_BENCH_DIST
const dist = given && fs.existsSync(`${given}/index.html`) ? given : buildSite()
const server = await startServer({ dist, port: 0, host: '127.0.0.1', gateway: false })
const gz = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

// Recorded replies: the core methods' beside the loader, each module's in modules/<id>/recorded/.
const RECORDED_DIRS = [new URL('../components/recorded/', import.meta.url), ...fs.readdirSync(new URL('../modules/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => new URL(`../modules/${d.name}/recorded/`, import.meta.url)).filter((u) => fs.existsSync(u))]
const RECORDED = new Set(RECORDED_DIRS.flatMap((dir) => fs.readdirSync(dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)))
const COMPONENT = /\/(RpcCall|Journey|Step|ChainStatus|MineBlocks|Broadcast|TxView|BlockView|FaucetPanel|TokenPanel)-[\w-]+\.js$/

// KJ_BENCH_FILES=1 lists every script a page loaded with its gzip size: where the bytes go.
const LIST_FILES = process.env.KJ_BENCH_FILES === '1'

async function firstLoad(route: string): Promise<{ bytes: number; files: number; components: number; recordedBytes: number; sizes: [string, number][] }> {
  // A fresh profile each run: nothing cached, as on a first visit.
  const browser = await launchBrowser()
  const page = await browser.newPage()
  const urls = new Set<string>()
  let lastScriptAt = Date.now()
  page.on('request', (req) => {
    if (req.resourceType() !== 'script') return
    urls.add(new URL(req.url()).pathname)
    lastScriptAt = Date.now()
  })
  await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' })
  // Wait for Vue to mount (a busy machine may take longer than the idle window to run app.js),
  // then for a quiet 1.5 s: lazy components load during hydration, nested ones after their parents.
  await page.waitForFunction(() => !!(document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__, null, { timeout: 30_000 })
  lastScriptAt = Math.max(lastScriptAt, Date.now())
  const started = Date.now()
  while (Date.now() - lastScriptAt < 1500 && Date.now() - started < 15_000) await page.waitForTimeout(200)
  await browser.close()
  let bytes = 0
  let recordedBytes = 0
  let components = 0
  const sizes: [string, number][] = []
  for (const u of urls) {
    const size = gz(fs.readFileSync(`${dist}${decodeURIComponent(u)}`))
    sizes.push([u, size])
    // Recorded replies load only because no chain answers this static server: data, counted apart.
    const base = u.split('/').pop()!.replace(/-[\w]{8}\.js$/, '')
    if (RECORDED.has(base)) recordedBytes += size
    else bytes += size
    if (COMPONENT.test(u)) components++
  }
  return { bytes, files: urls.size, components, recordedBytes, sizes }
}

try {
  for (const [label, route] of PAGES) {
    const runs: number[] = []
    let last: { files: number; components: number; recordedBytes: number; sizes: [string, number][] } = { files: 0, components: 0, recordedBytes: 0, sizes: [] }
    for (let i = 0; i < RUNS; i++) {
      const r = await firstLoad(route)
      runs.push(r.bytes)
      last = r
    }
    const kb = median(runs) / 1024
    const note = ` (target ≤ ${TARGET_KB} KB, ratio ${(kb / TARGET_KB).toFixed(2)})`
    console.log(`first-load JS gzip, ${label} ${route}: ${kb.toFixed(1)} KB median of ${RUNS}, ${last.files} scripts, ${last.components} component chunks${note}; recorded replies loaded offline ${(last.recordedBytes / 1024).toFixed(1)} KB apart`)
    if (LIST_FILES) for (const [u, size] of last.sizes.sort((a, b) => b[1] - a[1])) console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${u}`)
  }
} finally {
  await server.close()
}
