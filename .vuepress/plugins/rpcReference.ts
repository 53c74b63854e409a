/**
 * The RPC reference: one page per catalog category plus an index, in every site locale, generated
 * from the catalog (`modules/catalog.ts`) through one markdown skeleton. Descriptions come from
 * `locales/<dir>/reference.json` and fall back to the catalog's English string by string.
 *
 * Pages are created in `onInitialized`, after the file pages exist, without a source file (VuePress
 * writes their component to .temp). Once created they are labelled with a virtual source path
 * (`docs/reference/<category>.md`, `locales/<dir>/reference/<category>.md`; no such file exists):
 * the navigation and locale plugins place pages by that path, so the reference gets a sidebar group
 * in every locale, and since the page exists in every locale no fallback copy is made. Labelling
 * after `createPage` keeps the `extendsPage` hooks (edit link, translation state) from looking for
 * the file. Register this plugin before the i18n plugins, whose `onInitialized` must see these pages.
 */
import path from 'node:path'
import type { App, Page, Plugin } from 'vuepress/core'
import { createPage } from 'vuepress/core'
import type { MarkdownEnv, MarkdownLink } from 'vuepress/markdown'
import type { Category, MethodSpec } from '../../protocol/catalog.ts'
import { METHODS } from '../../modules/catalog.ts'
import { CATEGORY_ORDER } from '../reference/labels.ts'
import { profilesAllowing } from '../reference/profiles.ts'
import { recordedMethods } from '../reference/recorded.ts'
import type { GeneratedPage, SkeletonContext } from '../reference/skeleton.ts'
import { indexDataModule, renderCategoryPage, renderDifferencesPage, renderIndexPage } from '../reference/skeleton.ts'
import { indexDataSource, indexTableData, type IndexTableData } from '../reference/indexTable.ts'
import { DIFFERENCES } from '../../protocol/differences.ts'
import { readReferenceFile, resolveStrings } from '../reference/strings.ts'

export interface RpcReferencePluginOptions {
  /**
   * Methods to document.
   * @default METHODS from modules/catalog.ts (core methods and every registered module's)
   */
  methods?: readonly MethodSpec[]
}

/** Categories in reading order, each with its methods in catalog order; empty categories are dropped. */
export function groupByCategory(methods: readonly MethodSpec[]): Array<{ category: Category; methods: MethodSpec[] }> {
  const known = [...CATEGORY_ORDER, ...new Set(methods.map((m) => m.category).filter((c) => !CATEGORY_ORDER.includes(c)))]
  return known
    .map((category) => ({ category, methods: methods.filter((m) => m.category === category) }))
    .filter((g) => g.methods.length > 0)
}

/** What a locale's reference pages are rendered with, besides its strings. */
export const skeletonContext = (prefix: string, recorded: ReadonlySet<string>): SkeletonContext =>
  ({ prefix, recorded, profiles: profilesAllowing })

/** One locale's method pages: the index, then one page per category. */
export function referencePages(methods: readonly MethodSpec[], strings: ReturnType<typeof resolveStrings>, ctx: SkeletonContext): GeneratedPage[] {
  const groups = groupByCategory(methods)
  return [
    renderIndexPage(groups, strings, ctx),
    ...groups.map((g, i) => renderCategoryPage(g.category, g.methods, i + 1, strings, ctx)),
  ]
}

/** Every page the reference generates for one locale: its method pages, then the devchain's differences from komodod. */
export function localeReferencePages(methods: readonly MethodSpec[], strings: ReturnType<typeof resolveStrings>, ctx: SkeletonContext): GeneratedPage[] {
  const pages = referencePages(methods, strings, ctx)
  pages.push(renderDifferencesPage(DIFFERENCES, pages.length, strings, ctx))
  return pages
}

/** The file a generated page stands for, relative to the source dir; it is never written. */
export function virtualSource(dir: string | null, page: GeneratedPage): string {
  const root = dir ? `locales/${dir}` : 'docs'
  const name = page.slug ?? page.frontmatter.category ?? 'README'
  return `${root}/reference/${name}.md`
}

/**
 * The links of the index's tables, as the site's Markdown records the links of a page (the link check reads
 * `page.links`): each method's link, rendered as the table's Markdown wrote it.
 */
export function indexTableLinks(app: Pick<App, 'markdown' | 'options'>, data: IndexTableData): MarkdownLink[] {
  const env: MarkdownEnv = { base: app.options.base, filePathRelative: null }
  for (const [name, link] of data.groups.flat()) app.markdown.renderInline(`[\`${name}\`](${link})`, env)
  return env.links ?? []
}

async function addPages(app: App, methods: readonly MethodSpec[]): Promise<void> {
  const recorded = recordedMethods(app.dir.public())
  const localesDir = app.dir.source('locales')
  const groups = groupByCategory(methods)
  const inline = (markdown: string) => app.markdown.renderInline(markdown, { base: app.options.base, filePathRelative: null })
  const generated: Page[] = []
  for (const prefix of Object.keys(app.siteData.locales)) {
    const dir = prefix === '/' ? null : prefix.slice(1, -1)
    const strings = resolveStrings(dir ? readReferenceFile(localesDir, dir) : {})
    const ctx = skeletonContext(prefix, recorded)
    const pages = localeReferencePages(methods, strings, ctx)
    // The index's tables: the locale's data module, which its index page (pages[0]) imports.
    const index = indexTableData(groups, strings, ctx, inline)
    await app.writeTemp(indexDataModule(prefix), indexDataSource(index))
    for (const page of pages) {
      const created = await createPage(app, { path: page.path, frontmatter: page.frontmatter, content: page.content })
      created.filePathRelative = virtualSource(dir, page)
      if (page === pages[0]) created.links.push(...indexTableLinks(app, index))
      generated.push(created)
    }
  }
  const taken = new Map(app.pages.map((p) => [p.path, p]))
  for (const page of generated) {
    const existing = taken.get(page.path)
    // A hand-written page at the same route wins; anything generated (a fallback copy) gives way.
    if (existing?.filePath) {
      console.warn(`[rpc-reference] ${page.path} exists as ${existing.filePathRelative}; keeping it`)
      continue
    }
    if (existing) app.pages.splice(app.pages.indexOf(existing), 1)
    app.pages.push(page)
  }
}

export const rpcReferencePlugin = (options: RpcReferencePluginOptions = {}): Plugin => ({
  name: 'komodo-journeys:rpc-reference',
  clientConfigFile: path.resolve(import.meta.dirname, '../reference/client/index.ts'),
  onInitialized: (app) => addPages(app, options.methods ?? METHODS),
})
