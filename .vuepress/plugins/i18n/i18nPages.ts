import fs from 'node:fs'
import path from 'node:path'
import { createPage, type App, type Page, type Plugin } from 'vuepress/core'
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
        const source = page.filePathRelative!.split(path.sep).join('/')
        const body = localizeMarkdownLinks(stripFrontmatter(page.content), locale.prefix, source, prefixes)
        // The home layout has no slot for the notice: it goes into the content there.
        const notice = page.frontmatter.home ? '<I18nNotice in-content />\n\n' : ''
        const fallback = await createPage(app, {
          path: route,
          frontmatter: localizeFrontmatter(page.frontmatter, locale.prefix, source, prefixes),
          content: `${notice}<div lang="en" dir="ltr" class="i18n-fallback-content">\n\n${body}\n\n</div>\n`,
        })
        data(fallback).i18n = {
          state: 'fallback',
          source,
          englishPath: page.path,
          translation: `locales/${locale.dir}/${restOf(source)!.rest}`,
          sourceUrl: repoFileUrl(source),
        }
        app.pages.push(fallback)
        existing.add(route)
      }
    }
  },
})
