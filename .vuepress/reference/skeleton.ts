/**
 * The one markdown skeleton of the RPC reference. Every locale's pages come out of these functions;
 * only the strings differ. Pure: no file system, no VuePress, so it is tested directly. The index's tables are
 * data (indexTable.ts), rendered by one component.
 */
import path from 'node:path'
import type { Category, MethodSpec, ParamSpec } from '../../protocol/catalog.ts'
import type { ReferenceStrings } from './strings.ts'
import type { Difference } from '../../protocol/differences.ts'
import { getMethod } from '../../modules/catalog.ts'

export interface SkeletonContext {
  /** Route prefix of the locale: `/` or `/zh/`. */
  prefix: string
  /** Methods that have a recorded response under `/recorded/<method>.json`. */
  recorded: ReadonlySet<string>
  /** Gateway profiles that let the method through. */
  profiles(spec: MethodSpec): readonly string[]
}

export interface GeneratedPage {
  /** File name the page stands for under `reference/` when it is not a category page or the index. */
  slug?: string
  path: string
  frontmatter: {
    title: string
    order: number
    rpc: string[]
    reference: true
    /** The page has no file to edit: the catalog and reference.json are its sources. */
    editLink: false
    category?: Category
  }
  content: string
}

/** Where the reference sits among the top-level sections (sidebar and navbar): after the journeys and guides. */
export const REFERENCE_ORDER = 90

/** Route of the reference index in a locale. */
export const referenceIndexPath = (prefix: string): string => `${prefix}reference/`

/** Route of a category page in a locale. */
export const referencePagePath = (prefix: string, category: Category): string => `${prefix}reference/${category}.html`

/** The heading anchor VuePress gives a method (its default slugify: `devchain_info` → `devchain-info`). */
export const methodAnchor = (name: string): string =>
  name.replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-').replace(/^-+|-+$/g, '').replace(/^(\d)/, '_$1').toLowerCase()

/** Link to a method's section in a locale. */
export const methodLink = (prefix: string, spec: MethodSpec): string =>
  `${referencePagePath(prefix, spec.category)}#${methodAnchor(spec.name)}`

/**
 * The komodo-cli usage line: strings quoted, JSON objects and arrays single-quoted as a shell needs
 * them, numbers and booleans bare, the optional tail in one `( … )` group as komodod's help prints it.
 * Every CC argument is a string in the catalog, so CC calls come out quoted.
 */
export function signature(spec: MethodSpec): string {
  const word = (p: ParamSpec): string => {
    if (p.type === 'string') return `"${p.name}"`
    if (p.type === 'object' || p.type === 'array') return `'${p.name}'`
    return p.name
  }
  const required = spec.params.filter((p) => !p.optional).map(word)
  const optional = spec.params.filter((p) => p.optional).map(word)
  return [spec.name, ...required, ...(optional.length ? [`( ${optional.join(' ')} )`] : [])].join(' ')
}

/** The JSON type column: the wire type, with the string's expected content when the catalog has one. */
export function typeLabel(p: ParamSpec): string {
  const base = p.type === 'number-or-string' ? 'number | string' : p.type
  return p.format ? `${base} (${p.format})` : base
}

/**
 * Text that goes into markdown as plain words: markdown punctuation is backslash-escaped (so `|`
 * cannot split a table cell and `<NAME>` is not read as HTML), and `{{` is broken up because the
 * page becomes a Vue template.
 */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\{\{/g, '{\u200b{').replace(/\n/g, ' ')
}

const attr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\{\{/g, '{\u200b{')

const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`'

/** One method's section: heading, summary, signature, params, result, safety, then a call or an example. */
export function renderMethod(spec: MethodSpec, t: ReferenceStrings, ctx: SkeletonContext): string {
  const L = t.labels
  const text = t.method(spec)
  const profiles = ctx.profiles(spec)
  const out: string[] = [`## ${spec.name}`, '', mdText(text.summary), '']
  const safetyLine = `**${L.safety}:** ${code(spec.safety)} · **${L.profiles}:** ${profiles.length ? profiles.map(code).join(', ') : mdText(L.noProfile)}`

  if (spec.safety === 'never') {
    out.push(safetyLine, '', `> ${mdText(L.neverExposed)}`, '')
    return out.join('\n')
  }

  out.push(`**${L.signature}**`, '', '```text:no-line-numbers', signature(spec), '```', '')
  out.push(`**${L.parameters}**`, '')
  if (spec.params.length === 0) out.push(mdText(L.noParameters), '')
  else {
    out.push(`| ${L.name} | ${L.type} | ${L.required} | ${L.description} |`, '| --- | --- | --- | --- |')
    for (const p of spec.params) {
      const cells = [code(p.name).replace(/\|/g, '\\|'), mdText(typeLabel(p)), p.optional ? L.no : L.yes, mdText(text.params[p.name])]
      out.push(`| ${cells.join(' | ')} |`)
    }
    out.push('')
  }
  out.push(`**${L.result}:** ${mdText(text.result)}`, '')
  if (spec.softErrors) out.push(mdText(L.softErrors), '')
  out.push(safetyLine + (spec.devchainOnly ? ` (${mdText(L.devchainOnly)})` : ''), '')

  if (profiles.includes('local')) out.push(`**${L.tryIt}**`, '', `<RpcCall method="${spec.name}" />`, '')
  else {
    out.push(`**${L.example}**`, '')
    if (ctx.recorded.has(spec.name))
      out.push(`<RecordedResponse method="${spec.name}" label="${attr(L.recorded)}" note="${attr(L.recordedNote)}" />`, '')
    else out.push(`*${mdText(L.noRecording)}*`, '')
  }
  return out.join('\n')
}

/** A category page: frontmatter for search (`rpc:` lists every method on it) and the sidebar (`order`). */
export function renderCategoryPage(
  category: Category, methods: readonly MethodSpec[], order: number, t: ReferenceStrings, ctx: SkeletonContext,
): GeneratedPage {
  const c = t.categories[category]
  const L = t.labels
  const list = methods.map((m) => `[${code(m.name)}](#${methodAnchor(m.name)})`).join(' · ')
  const body = [
    `# ${mdText(c.title)}`, '', mdText(c.intro), '',
    `**${L.category}:** ${code(category)} · **${L.methodsOnPage}:** ${list}`, '',
    ...methods.map((m) => renderMethod(m, t, ctx)),
  ]
  return {
    path: referencePagePath(ctx.prefix, category),
    frontmatter: { title: c.title, order, rpc: methods.map((m) => m.name), reference: true, editLink: false, category },
    content: body.join('\n'),
  }
}

/** The component that renders the index's tables (indexTable.ts), by file: only the index pages import it. */
export const INDEX_TABLE_COMPONENT = path.resolve(import.meta.dirname, 'client/MethodIndexTable.vue')

/** The data module of a locale's index tables, in VuePress's temp folder (`@temp`): one per locale. */
export const indexDataModule = (prefix: string): string => `reference/methodIndex-${prefix === '/' ? 'en' : prefix.slice(1, -1)}.js`

/** A value as JavaScript source that may stand inside a `<script>` block. */
const jsValue = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * The index: a heading per category linking to its page, over a table of its methods (method, safety class,
 * profiles, summary; each method linking to its section). The tables are a MethodIndexTable each, over the locale's
 * data module (indexTable.ts) that the plugin writes beside the page.
 */
export function renderIndexPage(
  groups: ReadonlyArray<{ category: Category; methods: readonly MethodSpec[] }>, t: ReferenceStrings, ctx: SkeletonContext,
): GeneratedPage {
  const L = t.labels
  const out: string[] = [
    '<script setup>',
    `import MethodIndexTable from ${jsValue(INDEX_TABLE_COMPONENT)}`,
    `import index from ${jsValue(`@temp/${indexDataModule(ctx.prefix)}`)}`,
    '</script>',
    '',
    `# ${mdText(L.indexTitle)}`, '', mdText(L.indexIntro), '', `${mdText(L.openRpc)} <a href="/openrpc.json" download>openrpc.json</a>`, '',
  ]
  groups.forEach(({ category }, i) => {
    out.push(`## [${mdText(t.categories[category].title)}](${referencePagePath(ctx.prefix, category)})`, '')
    out.push(`<MethodIndexTable :data="index" :group="${i}" />`, '')
  })
  return {
    path: referenceIndexPath(ctx.prefix),
    frontmatter: { title: L.indexTitle, order: REFERENCE_ORDER, rpc: [], reference: true, editLink: false },
    content: out.join('\n'),
  }
}

/** A difference's anchor on that page: its id, stable whatever the locale calls it. */
export const differenceAnchor = (d: Difference): string => `difference-${d.id}`

/** Route of the page on what still differs between the devchain and komodod. */
export const differencesPath = (prefix: string): string => `${prefix}reference/devchain-and-komodod.html`

/**
 * "The devchain and komodod": one section per entry of protocol/differences.ts, komodod's behaviour
 * beside the devchain's, with links to the methods it touches.
 */
export function renderDifferencesPage(list: readonly Difference[], order: number, t: ReferenceStrings, ctx: SkeletonContext): GeneratedPage {
  const L = t.labels
  const out: string[] = [`# ${mdText(L.differencesTitle)}`, '', mdText(L.differencesIntro), '']
  for (const d of list) {
    const text = t.difference(d)
    out.push(`<span id="${differenceAnchor(d)}"></span>`, '', `## ${mdText(text.title)}`, '', `**${mdText(L.differencesKomodod)}:** ${mdText(text.komodod)}`, '',
      `**${mdText(L.differencesDevchain)}:** ${mdText(text.devchain)}`, '')
    const methods = (d.methods ?? []).map(getMethod).filter((m): m is MethodSpec => !!m)
    if (methods.length) out.push(`**${mdText(L.differencesMethods)}:** ${methods.map((m) => `[${code(m.name)}](${methodLink(ctx.prefix, m)})`).join(' · ')}`, '')
  }
  return {
    slug: 'devchain-and-komodod',
    path: differencesPath(ctx.prefix),
    frontmatter: { title: L.differencesTitle, order, rpc: [], reference: true, editLink: false },
    content: out.join('\n'),
  }
}
