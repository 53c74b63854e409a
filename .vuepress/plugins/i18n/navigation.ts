import type { App, Plugin } from 'vuepress/core'
import type { LocaleUi } from '../../locales/discover.ts'
import { restOf, type PageI18n } from './pageI18n.ts'
import { STATUS_PAGE } from './statusPage.ts'

/** One page of a locale as navigation sees it. */
export interface NavEntry {
  /** Path relative to the language root: `journeys/x.md`. */
  rest: string
  path: string
  title: string
  order?: number
  journey?: boolean
  /** Shown in English because the locale lacks it. */
  fallback?: boolean
}

export interface NavLink { text: string; link: string; ariaLabel?: string }
export interface NavGroup { text: string; link?: string; collapsible?: boolean; children: (NavLink | NavGroup)[] }
export type Marker = LocaleUi['i18n']['sidebar']

const isIndex = (name: string) => /^(README|index)\.md$/.test(name)
const humanize = (folder: string) => folder.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase())
const byOrder = (a: { order?: number; title: string }, b: { order?: number; title: string }) =>
  (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title)

const linkFor = (e: NavEntry, marker: Marker): NavLink =>
  e.fallback
    ? { text: `${e.title} · ${marker.untranslated}`, link: e.path, ariaLabel: `${e.title} (${marker.untranslatedTitle})` }
    : { text: e.title, link: e.path }

interface Folder { name: string; index?: NavEntry; files: NavEntry[]; folders: Map<string, Folder> }

function tree(entries: NavEntry[]): Folder {
  const root: Folder = { name: '', files: [], folders: new Map() }
  for (const e of entries) {
    const parts = e.rest.split('/')
    const file = parts.pop()!
    let node = root
    for (const part of parts) {
      if (!node.folders.has(part)) node.folders.set(part, { name: part, files: [], folders: new Map() })
      node = node.folders.get(part)!
    }
    if (isIndex(file)) node.index = e
    else node.files.push(e)
  }
  return root
}

const folderTitle = (f: Folder) => f.index?.title || humanize(f.name)
/** A folder sorts by its README's `order`, else by its first page's. */
const folderOrder = (f: Folder): number | undefined => {
  if (f.index?.order !== undefined) return f.index.order
  const orders = [...f.files.map((e) => e.order), ...[...f.folders.values()].map(folderOrder)].filter((o): o is number => o !== undefined)
  return orders.length ? Math.min(...orders) : undefined
}

function items(node: Folder, marker: Marker): (NavLink | NavGroup)[] {
  const rows: { order?: number; title: string; item: NavLink | NavGroup }[] = [
    ...node.files.map((e) => ({ order: e.order, title: e.title, item: linkFor(e, marker) })),
    ...[...node.folders.values()].map((f) => ({
      order: folderOrder(f),
      title: folderTitle(f),
      item: {
        text: f.index?.fallback ? `${folderTitle(f)} · ${marker.untranslated}` : folderTitle(f),
        ...(f.index ? { link: f.index.path } : {}),
        collapsible: false,
        children: items(f, marker),
      },
    })),
  ]
  return rows.sort(byOrder).map((r) => r.item)
}

/** The sidebar of one locale: folders become groups (titled by their README), pages sorted by `order`, then title. */
export function buildSidebar(entries: NavEntry[], marker: Marker): (NavLink | NavGroup)[] {
  return items(tree(entries), marker)
}

/**
 * The navbar of one locale: each top-level folder holding `journey: true` pages becomes a menu of those
 * journeys, every other top-level folder a link to its index (or first page), then the status page.
 */
export function buildNavbar(entries: NavEntry[], marker: Marker, statusLink: NavLink): (NavLink | NavGroup)[] {
  const root = tree(entries)
  const folders = [...root.folders.values()].sort((a, b) =>
    byOrder({ order: folderOrder(a), title: folderTitle(a) }, { order: folderOrder(b), title: folderTitle(b) }))
  const out: (NavLink | NavGroup)[] = []
  for (const f of folders) {
    const journeys = entries.filter((e) => e.journey && e.rest.startsWith(`${f.name}/`)).sort(byOrder)
    if (journeys.length) out.push({ text: folderTitle(f), children: journeys.map((e) => linkFor(e, marker)) })
    else {
      const first = f.index ?? [...f.files].sort(byOrder)[0]
      if (first) out.push({ text: folderTitle(f), link: first.path })
    }
  }
  out.push(statusLink)
  return out
}

export interface NavigationPluginOptions {
  /** The theme's locale options, keyed by prefix: `sidebar` and `navbar` are written into them. */
  themeLocales: Record<string, Record<string, unknown>>
  /** Each locale's merged UI strings, keyed by prefix. */
  ui: Record<string, LocaleUi>
}

/** Writes the sidebar and navbar of every locale into the theme's locale options, from the pages as they are. */
export function writeNavigation(app: App, { themeLocales, ui }: NavigationPluginOptions): void {
  for (const prefix of Object.keys(themeLocales)) {
    const entries: NavEntry[] = []
    for (const page of app.pages) {
      if (page.pathLocale !== prefix || page.path.endsWith(STATUS_PAGE) || page.path === '/404.html') continue
      const i18n = (page.data as { i18n?: PageI18n }).i18n
      const rest = restOf(i18n?.state === 'fallback' ? i18n.source : page.filePathRelative)?.rest
      if (!rest || (rest.split('/').length === 1 && isIndex(rest))) continue
      const fm = page.frontmatter as { order?: unknown; journey?: unknown }
      entries.push({
        rest,
        path: page.path,
        title: page.title || rest,
        order: typeof fm.order === 'number' ? fm.order : undefined,
        journey: fm.journey === true,
        fallback: i18n?.state === 'fallback',
      })
    }
    const strings = ui[prefix].i18n
    themeLocales[prefix].sidebar = buildSidebar(entries, strings.sidebar)
    themeLocales[prefix].navbar = buildNavbar(entries, strings.sidebar, { text: strings.status.navLink, link: `${prefix}${STATUS_PAGE}` })
  }
}

/**
 * Sidebar and navbar of every locale, generated from the pages (folders + frontmatter `title`, `order`,
 * `journey`) once they all exist, fallback pages included and marked. Runs after the fallback pages are made
 * and before the theme writes its data (`onPrepared`); `liveUpdate.ts` runs it again under `vuepress dev`.
 */
export const navigationPlugin = (options: NavigationPluginOptions): Plugin => ({
  name: 'komodo-journeys:i18n-navigation',
  onInitialized: (app) => writeNavigation(app, options),
})
