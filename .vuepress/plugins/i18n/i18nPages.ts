import fs from 'node:fs'
import path from 'node:path'
import { createPage, preparePageChunk, prepareRoutes, type App, type Page, type Plugin } from 'vuepress/core'
import { logger } from 'vuepress/utils'
import type { LocaleInfo } from '../../locales/discover.ts'
import { readSourceHash, sourceHash, stripFrontmatter } from '../../locales/inventory.ts'
import { repoFileUrl } from '../../locales/repo.ts'
import { routeForSource } from '../sourceRoutes.ts'
import { localizeLink, localizeMarkdownLinks } from './localizeLinks.ts'
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
 * around it, and a notice in the locale's language. Runs in `onInitialized`, so `vuepress dev` has them too.
 */
export const i18nPagesPlugin = ({ locales }: I18nPagesPluginOptions): Plugin => ({
  name: 'komodo-journeys:i18n-pages',
  extendsPage: (page, app) => {
    if (data(page).i18n) return
    const state = translationState(app, page)
    if (state) data(page).i18n = state
  },
  onInitialized: async (app) => {
    const prefixes = Object.keys(app.siteData.locales)
    const existing = new Set(app.pages.map((p) => p.path))
    const english = app.pages.filter((p) => restOf(p.filePathRelative)?.dir === null)
    for (const locale of locales) {
      for (const page of english) {
        const route = locale.prefix + page.path.slice(1)
        if (existing.has(route)) continue
        app.pages.push(await createFallback(app, page, locale, prefixes))
        existing.add(route)
      }
    }
  },
  // `vuepress dev` rebuilds the pages of changed files itself; the fallbacks and the outdated flags derived
  // from an English file are ours to refresh.
  onWatched: (app, watchers) => {
    const docs = app.dir.source('docs')
    if (!fs.existsSync(docs)) return
    const pending = new Map<string, NodeJS.Timeout>()
    const watcher = fs.watch(docs, { recursive: true }, (_event, name) => {
      if (!name || !name.endsWith('.md')) return
      clearTimeout(pending.get(name))
      pending.set(name, setTimeout(() => {
        pending.delete(name)
        refreshFromEnglish(app, `docs/${name.split(path.sep).join('/')}`, locales).catch((e) => logger.warn(`[i18n] ${String(e)}`))
      }, 200))
    })
    watchers.push({ close: () => watcher.close() })
  },
})

/** The fallback page of `english` in `locale`: the English content, marked, with the locale's links. */
async function createFallback(app: App, english: Page, locale: LocaleInfo, prefixes: string[]): Promise<Page> {
  const source = english.filePathRelative!.split(path.sep).join('/')
  const body = localizeMarkdownLinks(stripFrontmatter(english.content), locale.prefix, source, prefixes)
  // The home layout has no slot for the notice: it goes into the content there.
  const notice = english.frontmatter.home ? '<I18nNotice in-content />\n\n' : ''
  const fallback = await createPage(app, {
    path: locale.prefix + english.path.slice(1),
    frontmatter: localizeFrontmatter(english.frontmatter, locale.prefix, source, prefixes),
    content: `${notice}<div lang="en" dir="ltr" class="i18n-fallback-content">\n\n${body}\n\n</div>\n`,
  })
  data(fallback).i18n = {
    state: 'fallback',
    source,
    englishPath: english.path,
    translation: `locales/${locale.dir}/${restOf(source)!.rest}`,
    sourceUrl: repoFileUrl(source),
  }
  return fallback
}

/** Dev server: an English file changed, so its fallbacks get the new text and its translations a new state. */
async function refreshFromEnglish(app: App, source: string, locales: LocaleInfo[]): Promise<void> {
  const file = app.dir.source(source)
  if (!fs.existsSync(file)) return
  const english = await createPage(app, { filePath: file })
  const prefixes = Object.keys(app.siteData.locales)
  let routesChanged = false
  for (const locale of locales) {
    const route = locale.prefix + english.path.slice(1)
    const index = app.pages.findIndex((p) => p.path === route)
    const current = index < 0 ? null : app.pages[index]
    if (current && data(current).i18n?.state !== 'fallback') {
      // A translation: recompute whether it is current.
      const state = translationState(app, current)
      if (state && state.state !== data(current).i18n?.state) {
        data(current).i18n = state
        // A file page is compiled from its file: touching it makes the dev server rebuild it (and run
        // extendsPage again, which finds the new state); its content is left as it is.
        if (current.filePath) fs.utimesSync(current.filePath, new Date(), new Date())
        else await preparePageChunk(app, current)
      }
      continue
    }
    const fallback = await createFallback(app, english, locale, prefixes)
    if (current) app.pages.splice(index, 1, fallback)
    else {
      app.pages.push(fallback)
      routesChanged = true
    }
    await preparePageChunk(app, fallback)
  }
  if (routesChanged) await prepareRoutes(app)
}
