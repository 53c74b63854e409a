/**
 * Lighthouse (npm `lighthouse` 12, the newest line that runs on Node 20; Debian's /usr/bin/chromium)
 * performance and accessibility of the home page and a journey page, mobile preset (Lighthouse's
 * default: emulated phone, simulated slow 4G and 4× CPU slowdown), as served by `server/start.ts`
 * with its in-memory devchain. Target: ≥ 95 in both categories.
 *
 *   npm run bench lighthouse                KJ_BENCH_LH_RUNS (default 3) runs per page, medians printed
 *   KJ_BENCH_DIST=.vuepress/dist npm run bench lighthouse   reuse a built site instead of building one
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createGatewayFromEnv, createLogger } from '../server/gateway/index.ts'
import { startServer } from '../server/start.ts'
import { copyProject } from './support/corpus.ts'
import { median, measure } from './support/measure.ts'

const TARGET = 95
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const PAGES = [
  { name: 'home', route: '/' },
  { name: 'journey', route: '/journeys/your-own-chain.html' },
  // The heaviest journey: eleven live components hydrate on it.
  { name: 'journey (faucet)', route: '/journeys/faucet.html' },
  // The newest journeys, and the one whose first screen runs the most module calls.
  { name: 'journey (rewards)', route: '/journeys/rewards.html' },
  { name: 'journey (cc identity)', route: '/journeys/cc-identity.html' },
]
const runs = Number(process.env.KJ_BENCH_LH_RUNS ?? 3)

type Loaded =
  | { ok: true; lighthouse: typeof import('lighthouse').default; launcher: typeof import('chrome-launcher') }
  | { ok: false; error: Error }

async function loadLighthouse(): Promise<Loaded> {
  try {
    return { ok: true, lighthouse: (await import('lighthouse')).default, launcher: await import('chrome-launcher') }
  } catch (e) {
    return { ok: false, error: e as Error }
  }
}

/** A built site: the given one, or a fresh build in a throwaway copy of the project. */
async function builtSite(): Promise<{ dist: string; cleanup(): void }> {
  const given = process.env.KJ_BENCH_DIST
  if (given) return { dist: path.resolve(given), cleanup: () => {} }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-bench-lh-'))
  const project = path.join(work, 'project')
  const dist = path.join(work, 'dist')
  copyProject(project)
  const m = await measure(process.execPath, [path.join(project, 'node_modules/vuepress/bin/vuepress.js'), 'build'], {
    cwd: project, env: { ...process.env, KJ_DIST: dist },
  })
  if (!m.ok) throw new Error(`vuepress build failed:\n${m.output.slice(-3000)}`)
  return { dist, cleanup: () => fs.rmSync(work, { recursive: true, force: true }) }
}

const loaded = await loadLighthouse()
if (!loaded.ok) {
  console.log(`lighthouse: not available (${loaded.error.message}). Install the pinned devDependency (npm ci) and Debian's chromium.`)
  process.exit(0)
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`lighthouse: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROME_PATH); skipped`)
  process.exit(0)
}

const site = await builtSite()
const gateway = await createGatewayFromEnv({
  env: { ...process.env, KOMODO_NODES: undefined },
  devchainDataDir: null,
  logger: createLogger('silent'),
})
const server = await startServer({ dist: site.dist, port: 0, host: '127.0.0.1', gateway })
const chrome = await loaded.launcher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

try {
  console.log(`lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset, ${runs} run(s) per page, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`)
  for (const page of PAGES) {
    const perf: number[] = []
    const a11y: number[] = []
    const failedAudits = new Set<string>()
    const timings: Record<'fcp' | 'lcp' | 'tbt' | 'cls', number[]> = { fcp: [], lcp: [], tbt: [], cls: [] }
    for (let i = 0; i < runs; i++) {
      const result = await loaded.lighthouse(server.url + page.route, {
        port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
      })
      const lhr = result?.lhr
      if (!lhr) continue
      if (lhr.runtimeError) console.log(`  ${page.name}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`)
      perf.push(Math.round((lhr.categories.performance?.score ?? 0) * 100))
      const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN
      timings.fcp.push(value('first-contentful-paint'))
      timings.lcp.push(value('largest-contentful-paint'))
      timings.tbt.push(value('total-blocking-time'))
      timings.cls.push(value('cumulative-layout-shift'))
      a11y.push(Math.round((lhr.categories.accessibility?.score ?? 0) * 100))
      for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id]
        if (ref.weight > 0 && audit?.score !== null && (audit?.score ?? 1) < 1) {
          // Name the first offending elements so whoever owns them can find them.
          const items = ((audit.details as { items?: { node?: { selector?: string } }[] } | undefined)?.items ?? [])
            .map((it) => it.node?.selector).filter(Boolean).slice(0, 3)
          failedAudits.add(`${ref.id}${items.length ? ` [${items.join(' | ')}]` : ''}`)
        }
      }
      if (i === 0) {
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?'
        console.log(`  ${page.name} ${page.route}: FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`)
        // What Lighthouse says would save the most time, so a low score comes with its reasons.
        const savings = Object.values(lhr.audits)
          .map((a) => ({ id: a.id, ms: (a.details as { overallSavingsMs?: number } | undefined)?.overallSavingsMs ?? 0 }))
          .filter((a) => a.ms >= 100).sort((x, y) => y.ms - x.ms).slice(0, 4)
        if (savings.length) console.log(`    biggest savings: ${savings.map((a) => `${a.id} ${Math.round(a.ms)} ms`).join(', ')}`)
        // Which elements moved, so a layout shift comes with its culprit.
        const shifts = ((lhr.audits['layout-shifts']?.details as { items?: { node?: { selector?: string; snippet?: string }; score: number }[] } | undefined)?.items ?? [])
          .filter((it) => it.score >= 0.005).slice(0, 3)
        if (shifts.length) console.log(`    layout shifts: ${shifts.map((it) => `${it.score.toFixed(3)} ${it.node?.selector ?? '?'} ${it.node?.snippet?.slice(0, 80) ?? ''}`).join(' | ')}`)
      }
    }
    if (!perf.length) {
      console.log(`${page.name}: lighthouse returned no result`)
      continue
    }
    const p = median(perf)
    const a = median(a11y)
    console.log(`${page.name} (${page.route}): performance ${p} (runs ${perf.join(', ')}; ×${(p / TARGET).toFixed(2)} of target ${TARGET}), accessibility ${a} (runs ${a11y.join(', ')}; ×${(a / TARGET).toFixed(2)} of target ${TARGET})`)
    const ms = (xs: number[]) => `${Math.round(median(xs))} ms`
    console.log(`  medians: FCP ${ms(timings.fcp)}, LCP ${ms(timings.lcp)}, TBT ${ms(timings.tbt)} (runs ${timings.tbt.map(Math.round).join(', ')}), CLS ${median(timings.cls).toFixed(3)}`)
    if (failedAudits.size) console.log(`  accessibility audits not passed: ${[...failedAudits].join(', ')}`)
  }
} finally {
  chrome.kill()
  await server.close()
  site.cleanup()
}
