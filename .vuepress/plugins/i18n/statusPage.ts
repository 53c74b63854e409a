import path from 'node:path'
import type MarkdownIt from 'markdown-it'
import { createPage, type App, type Page, type Plugin } from 'vuepress/core'
import { englishUi as en } from '../../../components/i18n/englishUi.ts'
import type { LocaleInfo, LocaleUi } from '../../locales/discover.ts'
import { repoFileUrl } from '../../locales/repo.ts'
import { buildStatus, type StatusReport } from '../../locales/status.ts'
import { statusTableData, type StatusLabels } from './statusTable.ts'

export const STATUS_PAGE = 'translations.html'

/** The tables' rows, one module that every locale's status page imports (`@temp` is VuePress's temp folder). */
export const STATUS_DATA_MODULE = 'i18n/translationStatus.js'
const TABLE_COMPONENT = path.resolve(import.meta.dirname, 'TranslationTable.vue')

/** A value as JavaScript source that may stand inside a `<script>` block. */
const jsValue = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * The status report as Markdown, worded in one locale: a section per language with its counts and a link to its
 * locale.json, the table (a TranslationTable over the shared data module), and the UI keys it lacks.
 */
export function statusMarkdown(report: StatusReport, prefix: string, ui: LocaleUi['i18n']['status']): string {
  const labels: StatusLabels = {
    page: ui.page, state: ui.state, file: ui.file,
    translated: ui.translated, outdated: ui.outdated, unstamped: ui.unstamped, missing: ui.missing,
  }
  const out = [
    '<script setup>',
    `import TranslationTable from ${jsValue(TABLE_COMPONENT)}`,
    `import status from ${jsValue(`@temp/${STATUS_DATA_MODULE}`)}`,
    `const labels = ${jsValue(labels)}`,
    '</script>',
    '',
    `# ${ui.title}`, '', ui.intro, '', `[${ui.howTo}](${prefix}contributing/translate.html)`, '',
  ]
  report.locales.forEach((l, i) => {
    const c = l.counts
    out.push(`## ${l.name} (${l.lang})`, '')
    out.push(`${ui.translated}: ${c.translated} · ${ui.outdated}: ${c.outdated} · ${ui.unstamped}: ${c.unstamped} · ${ui.missing}: ${c.missing} · [locale.json](${repoFileUrl(l.file)})`, '')
    out.push(`<TranslationTable :data="status" :locale="${i}" :labels="labels" />`, '')
    out.push(`${ui.missingUi}: ${l.missingUi.length ? l.missingUi.map((k) => `\`${k}\``).join(', ') : ui.none}`, '')
  })
  return out.join('\n')
}

/**
 * `/translations.html` in every locale, from the files as they are now, and the data module of their tables.
 * The tables' links to pages are the pages' own links (the link check reads them), as their Markdown was.
 */
export async function createStatusPages(app: App, locales: LocaleInfo[]): Promise<Page[]> {
  const report = buildStatus(app.dir.source())
  const data = statusTableData(report, app.options.base, repoFileUrl(''))
  await app.writeTemp(STATUS_DATA_MODULE, `export default JSON.parse(${JSON.stringify(JSON.stringify(data))})\n`)
  const tableLinks = data.locales.flat().map(([route]) => ({ raw: route, relative: route.slice(1), absolute: route }))
  const all = [{ prefix: '/', ui: en as LocaleUi }, ...locales.map((l) => ({ prefix: l.prefix, ui: l.ui }))]
  return Promise.all(all.map(async ({ prefix, ui }) => {
    const page = await createPage(app, {
      path: `${prefix}${STATUS_PAGE}`,
      frontmatter: { title: ui.i18n.status.title, i18nStatus: true },
      content: statusMarkdown(report, prefix, ui.i18n.status),
    })
    page.links.push(...tableLinks)
    return page
  }))
}

export const isStatusPage = (page: Page): boolean => (page.frontmatter as { i18nStatus?: unknown }).i18nStatus === true

/**
 * The status pages' Markdown links to pages as plain `<a>`s, not RouteLink components, like the tables' links
 * (TranslationTable.vue): a status page links the same way throughout. VuePress's links plugin still records them
 * (the link check reads them); a click loads the page instead of routing to it.
 */
export function plainLinksOnStatusPages(md: MarkdownIt): void {
  const { link_open: open, link_close: close } = md.renderer.rules
  if (!open || !close) throw new Error('markdown-it has no link rules: VuePress\'s links plugin changed')
  const onStatusPage = (env: { frontmatter?: { i18nStatus?: unknown } }) => env.frontmatter?.i18nStatus === true
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const html = open(tokens, idx, options, env, self)
    const token = tokens[idx]
    const to = token.attrIndex('to')
    if (token.tag !== 'RouteLink' || to < 0 || !onStatusPage(env)) return html
    token.tag = 'a'
    // RouteLink's href: the route under the site's base.
    token.attrs![to] = ['href', `${(env as { base?: string }).base ?? '/'}${token.attrs![to][1].slice(1)}`]
    return self.renderToken(tokens, idx, options)
  }
  md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    const html = close(tokens, idx, options, env, self)
    if (tokens[idx].tag !== 'RouteLink' || !onStatusPage(env)) return html
    tokens[idx].tag = 'a'
    return self.renderToken(tokens, idx, options)
  }
}

/**
 * `/translations.html` in every locale (so the language switcher finds it): the same data as
 * `npm run i18n:status`, read when the site is built or the dev server starts (and again by `liveUpdate.ts`
 * whenever a page changes under `vuepress dev`).
 */
export const statusPagePlugin = ({ locales }: { locales: LocaleInfo[] }): Plugin => ({
  name: 'komodo-journeys:i18n-status-page',
  extendsMarkdown: plainLinksOnStatusPages,
  onInitialized: async (app) => {
    app.pages.push(...(await createStatusPages(app, locales)))
  },
})
