import fs from 'node:fs'
import path from 'node:path'
import { createPage, type App, type Page, type Plugin } from 'vuepress/core'
import type { LocaleInfo } from '../../locales/discover.ts'
import { readSourceHash, sourceHash, stripFrontmatter } from '../../locales/inventory.ts'
import { repoFileUrl } from '../../locales/repo.ts'
import { routeForSource } from '../sourceRoutes.ts'
import { FALLBACK_LINKS_KEY, localizeLink, localizeLinksRule } from './localizeLinks.ts'
import { restOf, type PageI18n } from './pageI18n.ts'

export interface I18nPagesPluginOptions {
  /** The discovered locales (not English). */
  locales: LocaleInfo[]
}

const data = (page: Page): { i18n?: PageI18n } => page.data as { i18n?: PageI18n }

/** State of a translated page against its English original, or null for pages that translate nothing. */
function translationState(app: App, page: Page): PageI18n | null {
  const where = restOf(page.filePathRelative)
  if (!where?.dir) return null
  const source = `docs/${where.rest}`
  const englishFile = app.dir.source(source)
  if (!fs.existsSync(englishFile)) return null
  const recorded = readSourceHash(page.content)
  const state = !recorded ? 'unstamped' : recorded === sourceHash(fs.readFileSync(englishFile, 'utf8')) ? 'translated' : 'outdated'
  return { state, source, englishPath: routeForSource(source)!, translation: page.filePathRelative!, sourceUrl: repoFileUrl(source) }
}

/** Deep copy of English frontmatter with its links (home `actions`) moved into the locale. */
function localizeFrontmatter(fm: Record<string, unknown>, prefix: string, source: string, prefixes: string[]): Record<string, unknown> {
  const copy = structuredClone(fm)
  delete copy.lang
  if (Array.isArray(copy.actions))
    for (const a of copy.actions as { link?: unknown }[]) if (typeof a.link === 'string') a.link = localizeLink(a.link, prefix, source, prefixes)
  return copy
}

/**
 * Translated pages learn whether they are current (`page.data.i18n`), and every English page a locale lacks
 * gets a fallback page at `/<dir>/<path>`: the English content (marked `lang="en"`), the locale's navigation
 * around it, and a notice in the locale's language. Runs in `onInitialized`, so `vuepress dev` has them too;
 * `liveUpdate.ts` keeps them in step while the dev server runs.
 */
export const i18nPagesPlugin = ({ locales }: I18nPagesPluginOptions): Plugin => ({
  name: 'komodo-journeys:i18n-pages',
  extendsMarkdown: (md, app) => localizeLinksRule(md, () => Object.keys(app.siteData.locales)),
  extendsPage: (page, app) => {
    if (data(page).i18n) return
    const state = translationState(app, page)
    if (state) data(page).i18n = state
  },
  onInitialized: async (app) => {
    await syncFallbacks(app, locales)
  },
})

const isFallback = (page: Page): boolean => data(page).i18n?.state === 'fallback'
const englishPages = (app: App): Page[] => app.pages.filter((p) => restOf(p.filePathRelative)?.dir === null)

/**
 * Makes the fallback pages match the files: one per English page a locale lacks, none where a translation
 * exists or the English page is gone. English pages named in `refresh` get their fallbacks remade (their text
 * or frontmatter changed). Returns the fallback pages it created or replaced, and whether routes changed.
 */
export async function syncFallbacks(app: App, locales: LocaleInfo[], refresh: ReadonlySet<string> = new Set()):
  Promise<{ written: Page[]; routesChanged: boolean }> {
  const prefixes = Object.keys(app.siteData.locales)
  const english = englishPages(app)
  const fileRoutes = new Set(app.pages.filter((p) => !isFallback(p)).map((p) => p.path))
  const wanted = new Map<string, { page: Page; locale: LocaleInfo }>()
  for (const locale of locales)
    for (const page of english) {
      const route = locale.prefix + page.path.slice(1)
      if (!fileRoutes.has(route)) wanted.set(route, { page, locale })
    }
  const written: Page[] = []
  let routesChanged = false
  const kept = app.pages.filter((p) => !isFallback(p) || wanted.has(p.path))
  if (kept.length !== app.pages.length) routesChanged = true
  const have = new Map(kept.filter(isFallback).map((p) => [p.path, p]))
  for (const [route, { page, locale }] of wanted) {
    const current = have.get(route)
    if (current && !refresh.has(page.filePathRelative!)) continue
    const fallback = await createFallback(app, page, locale, prefixes)
    if (current) kept.splice(kept.indexOf(current), 1, fallback)
    else {
      kept.push(fallback)
      routesChanged = true
    }
    written.push(fallback)
  }
  app.pages.splice(0, app.pages.length, ...kept)
  return { written, routesChanged }
}

/**
 * Translations whose recorded state (current, outdated, unstamped) no longer matches the files, after an English
 * edit or a stamp: the notice on them is stale until VuePress reads them again.
 */
export function staleTranslations(app: App): Page[] {
  return app.pages.filter((page) => {
    const before = data(page).i18n
    if (!before || before.state === 'fallback' || !page.filePath || !fs.existsSync(page.filePath)) return false
    // The page holds its file as it was read; a stamp rewrites the file, so read it again.
    const after = translationState(app, { ...page, content: fs.readFileSync(page.filePath, 'utf8') })
    return after?.state !== before.state
  })
}

/** The fallback page of `english` in `locale`: the English content, marked, with the locale's links. */
async function createFallback(app: App, english: Page, locale: LocaleInfo, prefixes: string[]): Promise<Page> {
  const source = english.filePathRelative!.split(path.sep).join('/')
  const body = stripFrontmatter(english.content)
  // The home layout has no slot for the notice: it goes into the content there.
  const notice = english.frontmatter.home ? '<I18nNotice in-content />\n\n' : ''
  const fallback = await createPage(app, {
    path: locale.prefix + english.path.slice(1),
    // Read by localizeLinksRule while the page renders, then dropped so the client never sees it.
    frontmatter: { ...localizeFrontmatter(english.frontmatter, locale.prefix, source, prefixes), [FALLBACK_LINKS_KEY]: { prefix: locale.prefix, source } },
    content: `${notice}<div lang="en" dir="ltr" class="i18n-fallback-content">\n\n${body}\n\n</div>\n`,
  })
  delete fallback.frontmatter[FALLBACK_LINKS_KEY]
  data(fallback).i18n = {
    state: 'fallback',
    source,
    englishPath: english.path,
    translation: `locales/${locale.dir}/${restOf(source)!.rest}`,
    sourceUrl: repoFileUrl(source),
  }
  return fallback
}
