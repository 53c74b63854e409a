/**
 * Each page's data carries the catalog entries of the methods it runs (`methodSpecs`): those in its
 * frontmatter `rpc` list and every `<RpcCall method="…">` in its markdown. The RpcCall form renders
 * from them on the server and in the browser, so no page's first load carries the whole catalog of
 * every method (components/methodSpecs.ts loads that only when something asks for another method).
 * The client also always has komodod's core methods in their wire form (`__KJ_CORE_WIRE__`, defined here), enough
 * to check any component's call before it is sent.
 *
 * A page of a translated locale also carries those methods' texts in its language (`methodTexts`, from
 * `locales/<dir>/reference.json`), so its forms are translated from the server render on, without the locale's
 * whole method table (≈10 KB gzip) in its first load. Its specs then leave out the English of every text
 * translated there, which it would never show (≈0.5 KB gzip on a Russian journey).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page, Plugin } from 'vuepress/core'
import type { MethodTexts } from '../../components/i18n/methodTexts.ts'
import { isTranslated } from '../../components/i18n/isTranslated.ts'
import { CORE_METHODS, type MethodSpec } from '../../protocol/catalog.ts'
import { packWireSpecs } from '../../protocol/wireSpec.ts'
import { getMethod } from '../../modules/catalog.ts'
import { readReferenceFile, type MethodText, type ReferenceFile } from '../reference/strings.ts'

/**
 * The build-time constant components/methodSpecs.ts reads: komodod's core methods, packed. Values as VuePress's
 * `define` takes them (its bundler turns each into a JS literal); Vite's own `define` wants the literal itself.
 */
export const coreWireDefine = (): Record<string, string> => ({ __KJ_CORE_WIRE__: packWireSpecs(CORE_METHODS) })

const RPC_CALL = /<RpcCall\b[^>]*?\smethod="([\w-]+)"/g

/** The methods a page runs, by name. */
export function pageMethodsOf(frontmatterRpc: unknown, content: string): Record<string, MethodSpec> {
  const names = new Set<string>(Array.isArray(frontmatterRpc) ? frontmatterRpc.filter((m): m is string => typeof m === 'string') : [])
  for (const m of content.matchAll(RPC_CALL)) names.add(m[1])
  const out: Record<string, MethodSpec> = {}
  for (const name of [...names].sort()) {
    const spec = getMethod(name)
    if (spec) out[name] = formSpec(spec)
  }
  return out
}

/** What a page's forms and client read of a spec: the reference pages' fields (result, category, safety) stay out. */
function formSpec({ result: _result, category: _category, safety: _safety, heavy: _heavy, ...spec }: MethodSpec): MethodSpec {
  return spec as MethodSpec
}

/** The translated summary and param texts of the given methods (what the locale has of them; the rest stays English). */
export function methodTextsOf(names: readonly string[], translated: Readonly<Record<string, MethodText>> = {}): MethodTexts {
  const out: MethodTexts = {}
  for (const name of names) {
    const t = translated[name]
    if (t && (t.summary || t.params)) out[name] = { ...(t.summary ? { summary: t.summary } : {}), ...(t.params ? { params: t.params } : {}) }
  }
  return out
}

/**
 * The specs without the English summaries `texts` translates (useMethodStrings shows a translation wherever it has
 * one, so those are never read on the page); untranslated ones stay, as the fallback.
 */
export function withoutTranslatedEnglish(specs: Record<string, MethodSpec>, texts: MethodTexts): Record<string, MethodSpec> {
  const out: Record<string, MethodSpec> = {}
  for (const [name, spec] of Object.entries(specs)) {
    const t = texts[name]
    out[name] = !t ? spec : {
      ...spec,
      summary: isTranslated(t.summary) ? '' : spec.summary,
      params: spec.params.map((p) => (isTranslated(t.params?.[p.name]) ? { ...p, summary: '' } : p)),
    }
  }
  return out
}

const referenceFiles = new Map<string, { stamp: string; content: ReferenceFile }>()

/**
 * `locales/<dir>/reference.json`, read again only when the file changes (`vuepress dev`: a translator's edit). Every
 * translated page with a form asks for its locale's: ~660 reads and parses of a 50 KB file per build at scale.
 */
export function referenceFileOf(localesDir: string, dir: string): ReferenceFile {
  const file = path.join(localesDir, dir, 'reference.json')
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  const stamp = stat ? `${stat.mtimeMs} ${stat.size}` : ''
  let read = referenceFiles.get(file)
  if (read?.stamp !== stamp) referenceFiles.set(file, (read = { stamp, content: readReferenceFile(localesDir, dir) }))
  return read.content
}

export const pageMethodsPlugin = (): Plugin => ({
  name: 'komodo-journeys:page-methods',
  define: coreWireDefine,
  extendsPage(page: Page<{ methodSpecs?: Record<string, MethodSpec>; methodTexts?: MethodTexts }>, app) {
    const specs = pageMethodsOf(page.frontmatter.rpc, page.content)
    const names = Object.keys(specs)
    if (!names.length) return
    if (page.pathLocale === '/') {
      page.data.methodSpecs = specs
      return
    }
    const texts = methodTextsOf(names, referenceFileOf(app.dir.source('locales'), page.pathLocale.slice(1, -1)).methods)
    page.data.methodTexts = texts
    page.data.methodSpecs = withoutTranslatedEnglish(specs, texts)
  },
})
