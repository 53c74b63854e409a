/**
 * A generated corpus the size of Komodo's old developer docs (≈220 method pages, each with a long JSON
 * response), written into a throwaway copy of the project so the real tree and its `.vuepress/.temp`
 * are never touched.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { MethodSpec } from '../../protocol/catalog.ts'
import { en } from '../../components/i18n/en.ts'
import { buildNavbar, buildSidebar, type NavEntry } from '../../.vuepress/plugins/i18n/navigation.ts'
import { renderMethod, type GeneratedPage } from '../../.vuepress/reference/skeleton.ts'
import { groupByCategory, localeReferencePages, skeletonContext, virtualSource } from '../../.vuepress/plugins/rpcReference.ts'
import { routeForSource } from '../../.vuepress/plugins/sourceRoutes.ts'
import { indexTableData } from '../../.vuepress/reference/indexTable.ts'
import { recordedMethods } from '../../.vuepress/reference/recorded.ts'
import { readReferenceFile, resolveStrings } from '../../.vuepress/reference/strings.ts'
import { METHODS } from '../../modules/catalog.ts'

export const ROOT = path.resolve(import.meta.dirname, '../..')

const SKIP = new Set(['node_modules', '.git', 'dist', 'test-results', '.devchain', '.tmp', '.temp', '.cache'])

/** Copies the project (sources only) to `dest`, with node_modules linked rather than copied. */
export function copyProject(dest: string): void {
  fs.cpSync(ROOT, dest, {
    recursive: true,
    filter: (src) => src === ROOT || !SKIP.has(path.basename(src)),
  })
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules'))
}

/**
 * What the stock build's theme gets for navigation:
 * - `theme`: the theme's defaults (no navbar; a sidebar of the page's own headings), which render far less than ours;
 * - `site`: this site's navbar and sidebar, built from the same pages by the same rules (plugins/i18n/navigation.ts)
 *   and handed to the default theme as plain config, so both builds render the same navigation on every page.
 */
export type StockNavigation = 'site' | 'theme'

/**
 * What pages the stock build gets:
 * - `site`: the pages ours has: the corpus, and the RPC reference our config generates (rpcReference.ts, 18 pages a
 *   locale), written as Markdown files by the same generator (the index's tables, which our site renders from data
 *   through a component, as plain HTML tables). Ours has 4 pages more: each locale's translation status;
 * - `corpus`: the corpus only, 76 pages fewer than ours.
 */
export type StockPages = 'site' | 'corpus'

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The reference index as one Markdown page, its tables inline, for a build without our component and data module. */
function inlineIndexPage(page: GeneratedPage, rows: ReturnType<typeof indexTableData>): string {
  let table = 0
  return page.content
    .replace(/^<script setup>[\s\S]*?<\/script>\n/, '')
    .replace(/^<MethodIndexTable .*\/>$/gm, () => [
      '<table>',
      `<thead><tr>${rows.head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`,
      `<tbody>${rows.groups[table++].map(([name, link, safety, profiles, summary]) =>
        `<tr><td><a href="${link}"><code>${name}</code></a></td><td><code>${safety}</code></td><td>${profiles}</td><td>${summary}</td></tr>`).join('')}</tbody>`,
      '</table>',
    ].join(''))
}

/** Our generated reference pages, every locale, as Markdown files where their virtual sources would be. */
function writeReferencePages(project: string, prefixes: string[]): void {
  const recorded = recordedMethods(path.join(project, '.vuepress/public'))
  const groups = groupByCategory(METHODS)
  for (const prefix of prefixes) {
    const dir = prefix === '/' ? null : prefix.slice(1, -1)
    const strings = resolveStrings(dir ? readReferenceFile(path.join(project, 'locales'), dir) : {})
    const ctx = skeletonContext(prefix, recorded)
    const pages = localeReferencePages(METHODS, strings, ctx)
    const rows = indexTableData(groups, strings, ctx, escapeHtml)
    for (const page of pages) {
      const file = path.join(project, virtualSource(dir, page))
      const frontmatter = Object.entries(page.frontmatter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      const content = page === pages[0] ? inlineIndexPage(page, rows) : page.content
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, ['---', ...frontmatter, '---', '', content].join('\n'))
    }
  }
}

/** `title`, `order` and `journey` from a page's frontmatter (one scalar per line, as every page here writes them). */
function frontmatterOf(text: string): { title?: string; order?: number; journey?: boolean } {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
  const field = (key: string) => new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(block)?.[1].replace(/^(['"])(.*)\1$/, '$2')
  const order = Number(field('order'))
  return { title: field('title'), order: Number.isFinite(order) ? order : undefined, journey: field('journey') === 'true' }
}

/** Markdown files under `dir`, relative to it, `/`-separated. */
const markdownUnder = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.md')).sort()

/** One locale's pages as the site's navigation sees them: the language root's README is the home page, not an entry. */
function navEntries(root: string, prefix: string): NavEntry[] {
  return markdownUnder(root).filter((rest) => rest !== 'README.md').map((rest) => {
    const text = fs.readFileSync(path.join(root, rest), 'utf8')
    const fm = frontmatterOf(text)
    return {
      rest,
      path: routeForSource(`docs/${rest}`)!.replace(/^\//, prefix),
      title: fm.title ?? /^# (.+)$/m.exec(text)?.[1] ?? rest,
      order: fm.order,
      journey: fm.journey,
    }
  })
}

/**
 * Replaces this site's VuePress config with a stock one: the default theme and the Vite bundler with
 * their defaults, the same pages, locales and output folder. Our client config and styles go
 * too (VuePress and the theme load them by file name). Our components are then unknown elements.
 *
 * Stock VuePress routes a page by its file's place under the source folder, so the pages move where their
 * routes are the site's: `docs/x.md` to `x.md`, `locales/zh/x.md` to `zh/x.md` (the repository's README gives way
 * to the home page). Left in `docs/` and `locales/`, every page would sit under `/docs/` or `/locales/zh/`,
 * outside every locale but the root.
 */
export function useStockConfig(project: string, navigation: StockNavigation = 'theme', pages: StockPages = 'site'): void {
  const docs = path.join(project, 'docs')
  const roots: [prefix: string, dir: string, name: string][] = [
    ['/', docs, 'English'], ...CORPUS_LOCALES.map((l): [string, string, string] => [`/${l.dir}/`, path.join(project, 'locales', l.dir), l.name])]
  if (pages === 'site') writeReferencePages(project, roots.map(([prefix]) => prefix))
  const themeLocales: Record<string, Record<string, unknown>> = {}
  for (const [prefix, dir, name] of roots) {
    themeLocales[prefix] = { selectLanguageName: name }
    if (navigation === 'theme') continue
    const entries = navEntries(dir, prefix)
    // The site's navbar ends with its translation status page, which only its own config generates.
    const navbar = buildNavbar(entries, en.i18n.sidebar, { text: '', link: '' }).slice(0, -1)
    Object.assign(themeLocales[prefix], { sidebar: buildSidebar(entries, en.i18n.sidebar), navbar })
  }
  const tops = fs.readdirSync(docs)
  fs.rmSync(path.join(project, 'README.md'), { force: true })
  for (const name of tops) fs.renameSync(path.join(docs, name), path.join(project, name))
  for (const l of CORPUS_LOCALES) fs.renameSync(path.join(project, 'locales', l.dir), path.join(project, l.dir))
  const patterns = [
    ...tops.map((name) => (name.endsWith('.md') ? name : `${name}/**/*.md`)),
    ...CORPUS_LOCALES.map((l) => `${l.dir}/**/*.md`),
  ]
  const locales: Record<string, { lang: string }> = { '/': { lang: 'en-US' } }
  for (const l of CORPUS_LOCALES) locales[`/${l.dir}/`] = { lang: l.lang }
  fs.rmSync(path.join(project, '.vuepress/client.ts'), { force: true })
  fs.rmSync(path.join(project, '.vuepress/styles'), { recursive: true, force: true })
  fs.writeFileSync(path.join(project, '.vuepress/config.ts'), [
    `import { viteBundler } from '@vuepress/bundler-vite'`,
    `import { defaultTheme } from '@vuepress/theme-default'`,
    `import { defineUserConfig } from 'vuepress'`,
    `const locales = ${JSON.stringify(locales)}`,
    `export default defineUserConfig({`,
    `  pagePatterns: ${JSON.stringify(patterns)},`,
    `  dest: process.env.KJ_DIST || '.vuepress/dist',`,
    `  locales,`,
    `  bundler: viteBundler(),`,
    `  theme: defaultTheme({ locales: ${JSON.stringify(themeLocales)} }),`,
    `})`,
    '',
  ].join('\n'))
}

/** The four languages of the site. A locale the project has not got yet is stood in by a copy of one it has. */
export const CORPUS_LOCALES = [
  { dir: 'zh', lang: 'zh-CN', name: '简体中文' },
  { dir: 'es', lang: 'es-ES', name: 'Español' },
  { dir: 'ru', lang: 'ru-RU', name: 'Русский' },
] as const

export function ensureLocales(project: string): string[] {
  const base = path.join(project, 'locales')
  const have = CORPUS_LOCALES.filter((l) => fs.existsSync(path.join(base, l.dir, 'locale.json')))
  const template = have[0]
  const stood: string[] = []
  for (const l of CORPUS_LOCALES) {
    const file = path.join(base, l.dir, 'locale.json')
    if (fs.existsSync(file) || !template) continue
    const data = JSON.parse(fs.readFileSync(path.join(base, template.dir, 'locale.json'), 'utf8')) as Record<string, unknown>
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify({ ...data, lang: l.lang, name: l.name }, null, 2))
    stood.push(l.dir)
  }
  return stood
}

/** Deterministic pseudo-random numbers, so every run builds the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const hex = (r: () => number, bytes: number): string =>
  Array.from({ length: bytes }, () => Math.floor(r() * 256).toString(16).padStart(2, '0')).join('')

/** A block-with-transactions shaped reply, like the long examples of the old docs (2–40 KB). */
function longResponse(i: number): unknown {
  const r = rng(i + 1)
  const txs = 1 + Math.floor(r() * r() * 40)
  return {
    hash: hex(r, 32), confirmations: Math.floor(r() * 1e5), size: Math.floor(r() * 1e5), height: Math.floor(r() * 3e6),
    version: 4, merkleroot: hex(r, 32), segid: -1, finalsaplingroot: hex(r, 32), time: 1_600_000_000 + i, nonce: hex(r, 32),
    solution: hex(r, 200), bits: '200f0f0f', difficulty: 1, chainwork: hex(r, 32), anchor: hex(r, 32),
    valuePools: [{ id: 'sprout', monitored: true, chainValue: 0, chainValueZat: 0 }, { id: 'sapling', monitored: true, chainValue: 0, chainValueZat: 0 }],
    tx: Array.from({ length: txs }, () => ({
      txid: hex(r, 32), overwintered: true, version: 4, versiongroupid: '892f2085', locktime: 0, expiryheight: 0,
      vin: Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
        txid: hex(r, 32), vout: Math.floor(r() * 4), scriptSig: { asm: hex(r, 72), hex: hex(r, 107) }, sequence: 4294967295,
      })),
      vout: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, n) => ({
        value: Math.round(r() * 1e8) / 1e8, valueZat: Math.floor(r() * 1e8), n,
        scriptPubKey: { asm: `OP_DUP OP_HASH160 ${hex(r, 20)} OP_EQUALVERIFY OP_CHECKSIG`, hex: hex(r, 25), reqSigs: 1, type: 'pubkeyhash', addresses: ['R' + hex(r, 16)] },
      })),
      vjoinsplit: [], valueBalance: 0, vShieldedSpend: [], vShieldedOutput: [],
    })),
  }
}

export interface CorpusOptions {
  methods: number
  /** `recorded`: responses as `/recorded/<m>.json` loaded on demand (this site); `inline`: in the page, as the old docs did. */
  mode: 'recorded' | 'inline'
}

export interface CorpusStats {
  pages: number
  responseBytes: number
}

/** Writes `docs/corpus/*.md` and the same pages in every locale, plus their recorded responses. */
export function writeCorpus(project: string, { methods, mode }: CorpusOptions): CorpusStats {
  const specs: MethodSpec[] = Array.from({ length: methods }, (_, i) => ({
    name: `corpus_method_${String(i + 1).padStart(3, '0')}`,
    category: 'blockchain',
    safety: 'admin', // not run live: every page shows its recorded response, the long-JSON case
    summary: `Returns the state of object ${i + 1} with every nested field, as the daemon prints it.`,
    params: [
      { name: 'id', type: 'string', format: 'txid', summary: 'Identifier of the object.' },
      { name: 'verbose', type: 'int', optional: true, summary: '0 = hex, 1 = object, 2 = object with children.' },
    ],
    result: 'object: hash, confirmations, size, height, version, merkleroot, tx, …',
  }))
  const recordedDir = path.join(project, '.vuepress/public/recorded')
  fs.mkdirSync(recordedDir, { recursive: true })
  const json = specs.map((s, i) => JSON.stringify({ method: s.name, recorded: true, source: 'bench corpus', request: { method: s.name, params: ['00'] }, result: longResponse(i) }, null, 2))
  if (mode === 'recorded') specs.forEach((s, i) => fs.writeFileSync(path.join(recordedDir, `${s.name}.json`), json[i]))

  const roots = [{ dir: null as string | null, folder: path.join(project, 'docs/corpus') },
    ...CORPUS_LOCALES.map((l) => ({ dir: l.dir as string | null, folder: path.join(project, 'locales', l.dir, 'corpus') }))]
  let pages = 0
  for (const { dir, folder } of roots) {
    fs.mkdirSync(folder, { recursive: true })
    const strings = resolveStrings(dir ? readReferenceFile(path.join(project, 'locales'), dir) : {})
    const ctx = { prefix: dir ? `/${dir}/` : '/', recorded: new Set(specs.map((s) => s.name)), profiles: () => [] }
    specs.forEach((spec, i) => {
      let section = renderMethod(spec, strings, ctx)
      if (mode === 'inline') section = section.replace(/<RecordedResponse[^\n]*\/>/, '```json\n' + json[i] + '\n```')
      const body = [
        '---', `title: ${spec.name}`, `order: ${i + 1}`, `rpc: [${spec.name}]`, '---', '',
        `# ${spec.name}`, '',
        `${spec.summary} (${dir ?? 'en'})`, '',
        '```bash', `komodo-cli -ac_name=DOCS ${spec.name} "${'0'.repeat(64)}" 1`, '```', '',
        '```bash', `curl --user $rpcuser:$rpcpassword --data-binary '{"jsonrpc": "1.0", "id":"curltest", "method": "${spec.name}", "params": ["${'0'.repeat(64)}", 1] }' -H 'content-type: text/plain;' http://127.0.0.1:$rpcport/`, '```', '',
        section,
      ]
      fs.writeFileSync(path.join(folder, `${spec.name}.md`), body.join('\n'))
      pages++
    })
  }
  return { pages, responseBytes: json.reduce((n, j) => n + j.length, 0) }
}
