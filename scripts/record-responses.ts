/**
 * Writes `.vuepress/public/recorded/<method>.json` (the RecordedFile format) from recorded komodod
 * replies, one per catalog method, first recording wins. Run it again when the fixtures change:
 *
 *   npx tsx scripts/record-responses.ts [fixtures.json]
 *
 * Values the fixtures hold back for acceptance checks are shown as "…", so no page claims a value
 * nobody recorded. Methods the catalog does not know are skipped: the reference only links catalog methods.
 */
import fs from 'node:fs'
import path from 'node:path'
import { getMethod } from '../rpc/catalog.ts'
import type { RecordedFile } from '../.vuepress/reference/recorded.ts'
import { RECORDED_DIR } from '../.vuepress/reference/recorded.ts'

interface Fixture {
  id: string
  source?: string
  stability?: string
  request: { method: string; params: unknown[] }
  result?: unknown
}

const ROOT = path.resolve(import.meta.dirname, '..')
const input = process.argv[2] ?? '/work/shared/reference/fixtures/komodod-responses.json'
const outDir = path.join(ROOT, '.vuepress/public', RECORDED_DIR)

const elide = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll('"<held back>"', '"…"'))

const fixtures = (JSON.parse(fs.readFileSync(input, 'utf8')) as { responses: Fixture[] }).responses
fs.mkdirSync(outDir, { recursive: true })
const written: string[] = []
for (const f of fixtures) {
  const method = f.request.method
  if (!('result' in f) || !getMethod(method) || getMethod(method)!.safety === 'never' || written.includes(method)) continue
  const file: RecordedFile = {
    method,
    recorded: true,
    source: `komodod, ${f.source ?? 'recorded'}`,
    ...(f.stability ? { note: f.stability } : {}),
    request: { method, params: f.request.params },
    result: elide(f.result),
  }
  fs.writeFileSync(path.join(outDir, `${method}.json`), JSON.stringify(file, null, 2) + '\n')
  written.push(method)
}
console.log(`${written.length} recorded responses in ${path.relative(ROOT, outDir)}: ${written.join(', ')}`)
