/**
 * The RPC reference index's tables as data: one module per locale, which only that locale's index page imports and
 * renders through one component (client/MethodIndexTable.vue), instead of ~120 rows of markup per index page.
 *
 * As Markdown, each index page compiled to ~45-53 KB of render code (client and server each), a RouteLink per method
 * that Vue cannot hoist; now the page keeps its title, intro and category headings (the outline and the search index
 * read those) and each table is one component over a JSON module. Pure: the site's Markdown is passed in.
 */
import type { Category, MethodSpec } from '../../protocol/catalog.ts'
import { methodLink, mdText, type SkeletonContext } from './skeleton.ts'
import type { ReferenceStrings } from './strings.ts'

/**
 * A method's row: its name and safety class (shown as text), the route of its section, and the HTML of the two
 * cells that are our own reference text, rendered by the site's Markdown as the table's cells were: the gateway
 * profiles that allow it and its summary.
 */
export type IndexRow = readonly [name: string, link: string, safety: string, profilesHtml: string, summaryHtml: string]

export interface IndexTableData {
  /** The table headers' HTML (method, safety class, profiles, description), rendered by the site's Markdown. */
  head: readonly [string, string, string, string]
  /** One table per category, in the order of the page's headings. */
  groups: IndexRow[][]
}

/** Our Markdown of one line of inline text, as HTML. */
export type RenderInline = (markdown: string) => string

/**
 * Text as Vue's server renderer writes it: Markdown leaves `'` as it is, Vue escapes it. Only text between tags
 * changes, so the HTML reads the same and is byte for byte what the compiled Markdown gave.
 */
const asVueText = (html: string): string =>
  html.split(/(<[^>]*>)/).map((part, i) => (i % 2 ? part : part.replace(/'/g, '&#39;'))).join('')

/** The rows of a locale's index tables: what renderIndexPage's tables held, cell by cell. */
export function indexTableData(
  groups: ReadonlyArray<{ category: Category; methods: readonly MethodSpec[] }>, t: ReferenceStrings, ctx: SkeletonContext, inline: RenderInline,
): IndexTableData {
  const L = t.labels
  const html = (markdown: string) => asVueText(inline(markdown))
  return {
    head: [html(L.method), html(L.safety), html(L.profiles), html(L.description)],
    groups: groups.map(({ methods }) => methods.map((m): IndexRow => {
      const profiles = ctx.profiles(m)
      return [m.name, methodLink(ctx.prefix, m), m.safety, html(profiles.length ? profiles.join(', ') : mdText(L.noProfile)), html(mdText(t.method(m).summary))]
    })),
  }
}

/** The data as a module that parses it: a string literal is cheaper for the bundler than the object's source. */
export const indexDataSource = (data: IndexTableData): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(data))})\n`
