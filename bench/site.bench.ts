/**
 * Site build cost: the real site, then a corpus the size of Komodo's old docs (≈220 method pages with
 * long JSON responses) × 4 locales. Each build runs `vuepress build` in a fresh copy of the project
 * (cold cache, nobody else's .vuepress/.temp) and is measured from outside: wall time and the peak RSS
 * of its whole process tree.
 *
 *   npm run bench site                         full site ×3 (KJ_BENCH_RUNS), scale corpus ×1 (KJ_BENCH_SCALE_RUNS)
 *   KJ_BENCH_SCALE_MODE=inline npm run bench site   the corpus with responses inline, as the old docs had them
 *   KJ_BENCH_STOCK_RUNS=3 (default 2)          the scale corpus built with this site's config and with a stock
 *                                              default-theme config, alternating, and the ratio (issue 19)
 *   KJ_BENCH_STOCK_PAGES=corpus (default site)  the stock build's pages: the same as ours (the corpus and the RPC
 *                                              reference our config generates, written as Markdown files), or the
 *                                              corpus only (76 pages fewer than ours)
 *   KJ_BENCH_STOCK_METHODS=220,660 (default)   the corpus sizes of that comparison, in methods (× 4 locales): the
 *                                              issue's ≈970 pages and three times as many
 *   KJ_BENCH_STOCK_NAV=site (default theme)    the stock build's navigation: the theme's defaults (no navbar, a
 *                                              sidebar of the page's own headings: far less than ours renders on
 *                                              every page), or this site's navbar and sidebar as theme config (the
 *                                              same on every page in both builds; stock's sidebar items then leave
 *                                              router hooks behind on every server render, which
 *                                              plugins/ssrRouterHooks fixes for us, and its build turns quadratic)
 *
 * Anchors measured here with stock VuePress: 221 pages in 33 s / 2.5 GB, 661 pages in 93 s / 5.1 GB.
 * Target for the scale corpus: ≤ 60 s and ≤ 3 GB peak RSS.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { builtRoutes } from '../test/support/site.ts'
import { copyProject, ensureLocales, useStockConfig, writeCorpus, type CorpusOptions, type StockNavigation, type StockPages } from './support/corpus.ts'
import { median, measure, type Measured } from './support/measure.ts'

const TARGET_SECONDS = 60
const TARGET_MB = 3 * 1024
const runs = Number(process.env.KJ_BENCH_RUNS ?? 3)
const scaleRuns = Number(process.env.KJ_BENCH_SCALE_RUNS ?? 1)
const scaleMode = (process.env.KJ_BENCH_SCALE_MODE ?? 'recorded') as CorpusOptions['mode']
const scaleMethods = Number(process.env.KJ_BENCH_SCALE_METHODS ?? 220)
const stockRuns = Number(process.env.KJ_BENCH_STOCK_RUNS ?? 2)
const stockMethods = (process.env.KJ_BENCH_STOCK_METHODS ?? `${scaleMethods},${scaleMethods * 3}`).split(',').map(Number)
const stockNav = (process.env.KJ_BENCH_STOCK_NAV ?? 'theme') as StockNavigation
const stockPages = (process.env.KJ_BENCH_STOCK_PAGES ?? 'site') as StockPages

const mb = (x: number) => `${Math.round(x)} MB`
const dirBytes = (dir: string, test: (f: string) => boolean): number =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter(test).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0) : 0

interface Build extends Measured { pages: number; pageChunkKb: number; appKb: number; load: number }

/** Copies the project, lets `prepare` change the copy, builds it, and cleans up. */
async function buildCopy(prepare: (project: string) => void): Promise<Build> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-bench-site-'))
  const project = path.join(work, 'project')
  const dest = path.join(work, 'dist')
  try {
    copyProject(project)
    prepare(project)
    // Others' work on the machine as the build starts: it inflates wall time most, CPU time too (shared caches).
    const load = os.loadavg()[0]
    const m = await measure(process.execPath, [path.join(project, 'node_modules/vuepress/bin/vuepress.js'), 'build'], {
      cwd: project, env: { ...process.env, KJ_DIST: dest },
    })
    if (!m.ok) return { ...m, pages: 0, pageChunkKb: 0, appKb: 0, load }
    const assets = path.join(dest, 'assets')
    return {
      ...m,
      load,
      pages: builtRoutes(dest).length,
      pageChunkKb: dirBytes(assets, (f) => /\.html-[\w-]+\.js$/.test(f) || /^corpus_method_/.test(f)) / 1024,
      appKb: dirBytes(assets, (f) => /^app-[\w-]+\.js$/.test(f)) / 1024,
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

function report(label: string, builds: Build[], target: boolean): void {
  const failed = builds.filter((b) => !b.ok)
  if (failed.length) {
    console.log(`${label}: ${failed.length}/${builds.length} builds FAILED; last output:\n${failed[0].output.slice(-3000)}`)
    return
  }
  const s = median(builds.map((b) => b.seconds))
  const tree = median(builds.map((b) => b.peakTreeRssMb))
  const main = median(builds.map((b) => b.peakMainRssMb))
  const cpu = median(builds.map((b) => b.cpuSeconds))
  const n = builds.length
  console.log(`${label}: ${builds[0].pages} pages, median of ${n} run${n > 1 ? 's' : ''}: ${s.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU (user+sys), peak RSS ${mb(tree)} (process tree; vuepress process alone ${mb(main)})`)
  console.log(`  runs: ${builds.map((b) => `${b.seconds.toFixed(1)} s wall / ${b.cpuSeconds.toFixed(1)} s CPU / ${mb(b.peakTreeRssMb)} (load ${b.load.toFixed(1)})`).join(', ')}`)
  console.log(`  page chunks ${Math.round(builds[0].pageChunkKb)} KB, app bundle ${Math.round(builds[0].appKb)} KB`)
  // VuePress's own stage timings (first run): where the time goes.
  const stages = builds[0].output.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter((l) => /- done in [\d.]+m?s$/.test(l))
  if (stages.length) console.log(`  stages: ${stages.map((l) => l.replace(/^✔\s*/, '')).join('; ')}`)
  if (target)
    console.log(`  vs target (≤ ${TARGET_SECONDS} s, ≤ ${TARGET_MB / 1024} GB): wall time ×${(s / TARGET_SECONDS).toFixed(2)}, CPU time ×${(cpu / TARGET_SECONDS).toFixed(2)}, memory ×${(tree / TARGET_MB).toFixed(2)}`)
}

console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (others' work inflates these figures)`)

const site: Build[] = []
for (let i = 0; i < runs; i++) site.push(await buildCopy(() => {}))
if (runs > 0) report('full site build', site, false)

let stats = { pages: 0, responseBytes: 0 }
let stood: string[] = []
const scale: Build[] = []
for (let i = 0; i < scaleRuns; i++) {
  scale.push(await buildCopy((project) => {
    stood = ensureLocales(project)
    stats = writeCorpus(project, { methods: scaleMethods, mode: scaleMode })
  }))
}
if (scaleRuns > 0) console.log(`scale corpus: ${scaleMethods} method pages × 4 locales = ${stats.pages} generated pages, ${(stats.responseBytes / 1024 / 1024).toFixed(1)} MB of JSON responses (${scaleMode === 'recorded' ? 'served as /recorded/*.json, fetched on demand' : 'inline in the pages'})` +
  (stood.length ? `; locales stood in by a copy: ${stood.join(', ')}` : ''))
if (scaleRuns > 0) report(`scale build (${scaleMode})`, scale, true)
console.log('  anchors, stock VuePress: 221 pages 33 s / 2.5 GB; 661 pages 93 s / 5.1 GB')

// Issue 19: the same corpus (the site's pages plus the generated method pages, four locales) through
// this site's config and through a stock VuePress default-theme config, built alternately so both
// see the same machine load. Anchor: 1.61× stock's time, measured on different corpora. At each corpus
// size in KJ_BENCH_STOCK_METHODS: stock's server render slows per page as pages are added (in part because
// its server bundle is a module per page, which ours is not: .vuepress/bundler/serverInOneFile.ts).
if (stockRuns > 0) {
  console.log(stockNav === 'site'
    ? 'navigation: the stock build renders this site\'s navbar and sidebar (built from the same pages, as theme config), as ours does on every page; ' +
      'its sidebar items leave router hooks behind on every server render, so its render stage grows with pages × items'
    : 'navigation: the stock build keeps the theme\'s defaults (no navbar, a sidebar of the page\'s own headings), far less than ours renders on every page ' +
      '(≈260 sidebar and 30 navbar links); KJ_BENCH_STOCK_NAV=site gives it ours')
  for (const methods of stockMethods) {
    const ours: Build[] = []
    const stock: Build[] = []
    const prepare = (project: string) => {
      ensureLocales(project)
      stats = writeCorpus(project, { methods, mode: scaleMode })
    }
    for (let i = 0; i < stockRuns; i++) {
      ours.push(await buildCopy(prepare))
      stock.push(await buildCopy((project) => {
        prepare(project)
        useStockConfig(project, stockNav, stockPages)
      }))
    }
    console.log(`same corpus for both: the site's pages plus ${stats.pages} generated method pages (${methods} × 4 locales, ${scaleMode}); ` +
      (stockPages === 'site'
        ? 'the stock build also gets the RPC reference our config generates, as Markdown files from the same generator'
        : 'our config adds its generated pages (reference, status, fallbacks) on top, as the site does; KJ_BENCH_STOCK_PAGES=site gives them to stock'))
    report(`same corpus (${methods} methods), this site's config`, ours, false)
    report(`same corpus (${methods} methods), stock default-theme config (${stockNav === 'site' ? 'this site\'s navigation' : 'the theme\'s default navigation'})`, stock, false)
    if (ours.every((b) => b.ok) && stock.every((b) => b.ok)) {
      const wall = median(ours.map((b) => b.seconds)) / median(stock.map((b) => b.seconds))
      const cpu = median(ours.map((b) => b.cpuSeconds)) / median(stock.map((b) => b.cpuSeconds))
      const mem = median(ours.map((b) => b.peakTreeRssMb)) / median(stock.map((b) => b.peakTreeRssMb))
      // Judged on CPU time as well as wall time: on a shared machine one build can be slowed by others' load.
      const meets = wall <= 1 && cpu <= 1
      console.log(`build ours ÷ stock, ${ours[0].pages} pages against ${stock[0].pages}: ${wall.toFixed(2)}× wall, ${cpu.toFixed(2)}× CPU, ${mem.toFixed(2)}× peak RSS (medians of ${stockRuns}); ` +
        `target ≤ 1.00× (wall and CPU); ${(1 / Math.max(wall, cpu)).toFixed(2)}× target (${meets ? 'meets' : 'misses'}); anchor (issue 19, different corpora, ≈970 pages): 1.61× wall, 1.55× CPU`)
      console.log(`machine load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
    }
  }
}
