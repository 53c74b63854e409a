import type MarkdownIt from 'markdown-it'
import { createPage, type App, type Page, type Plugin } from 'vuepress/core'
import { englishUi as en } from '../../../components/i18n/englishUi.ts'
import type { LocaleInfo, LocaleUi } from '../../locales/discover.ts'
import { repoFileUrl } from '../../locales/repo.ts'
import { buildStatus, type StatusReport } from '../../locales/status.ts'

export const STATUS_PAGE = 'translations.html'

const cell = (s: string) => s.replace(/\|/g, '\\|')

/** The status report as Markdown, worded in one locale: a table per language, links to pages and files. */
export function statusMarkdown(report: StatusReport, prefix: string, ui: LocaleUi['i18n']['status']): string {
  const out = [`# ${ui.title}`, '', ui.intro, '', `[${ui.howTo}](${prefix}contributing/translate.html)`, '']
  for (const l of report.locales) {
    const c = l.counts
    out.push(`## ${l.name} (${l.lang})`, '')
    out.push(`${ui.translated}: ${c.translated} · ${ui.outdated}: ${c.outdated} · ${ui.unstamped}: ${c.unstamped} · ${ui.missing}: ${c.missing} · [locale.json](${repoFileUrl(l.file)})`, '')
    out.push(`| ${ui.page} | ${ui.state} | ${ui.file} |`, '| --- | --- | --- |')
    for (const p of l.pages) {
      const file = p.state === 'missing' ? p.source : p.translation
      out.push(`| [${cell(p.route)}](${p.route}) | ${ui[p.state]} | [${cell(file)}](${repoFileUrl(file)}) |`)
    }
    out.push('', `${ui.missingUi}: ${l.missingUi.length ? l.missingUi.map((k) => `\`${k}\``).join(', ') : ui.none}`, '')
  }
  return out.join('\n')
}

/** `/translations.html` in every locale, from the files as they are now. */
export async function createStatusPages(app: App, locales: LocaleInfo[]): Promise<Page[]> {
  const report = buildStatus(app.dir.source())
  const all = [{ prefix: '/', ui: en as LocaleUi }, ...locales.map((l) => ({ prefix: l.prefix, ui: l.ui }))]
  return Promise.all(all.map(({ prefix, ui }) => createPage(app, {
    path: `${prefix}${STATUS_PAGE}`,
    frontmatter: { title: ui.i18n.status.title, i18nStatus: true },
    content: statusMarkdown(report, prefix, ui.i18n.status),
  })))
}

export const isStatusPage = (page: Page): boolean => (page.frontmatter as { i18nStatus?: unknown }).i18nStatus === true

/**
 * The status pages' links to pages as plain `<a>`s, not RouteLink components.
 *
 * A status page lists every page of every language (on the 220-method corpus, ~700 rows in each of the four
 * pages). As components, Vue could hoist none of its table: each page compiled to ~500 KB of render code, 3 s of
 * the build's CPU. As plain elements the compiler stringifies the table. VuePress's links plugin still records
 * every link (the link check reads them); a click loads the page instead of routing to it.
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
