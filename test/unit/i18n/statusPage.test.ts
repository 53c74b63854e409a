import { describe, expect, it } from 'vitest'
import { englishUi as en } from '../../../components/i18n/englishUi.ts'
import { buildStatus, formatStatus } from '../../../.vuepress/locales/status.ts'
import { sourceHash, writeSourceHash } from '../../../.vuepress/locales/inventory.ts'
import { searchExtraFields } from '../../../.vuepress/plugins/i18n/searchFields.ts'
import { plainLinksOnStatusPages, statusMarkdown } from '../../../.vuepress/plugins/i18n/statusPage.ts'
import { statusTableData, type StatusLabels, type StatusTableData } from '../../../.vuepress/plugins/i18n/statusTable.ts'
import TranslationTable from '../../../.vuepress/plugins/i18n/TranslationTable.vue'
import { createMarkdown } from 'vuepress/markdown'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { tree } from './fixtures.ts'

describe('status report', () => {
  const root = tree({
    'docs/a.md': '# A\n',
    'docs/b.md': '# B\n',
    'locales/fr/locale.json': JSON.stringify({ lang: 'fr-FR', name: 'Français', ui: { i18n: { status: { title: 'État' } } } }),
    'locales/fr/a.md': writeSourceHash('# A\n', sourceHash('# old A\n')),
  })

  it('counts pages per state and lists missing UI keys', () => {
    const r = buildStatus(root)
    expect(r.errors).toEqual([])
    expect(r.locales[0].counts).toEqual({ translated: 0, outdated: 1, unstamped: 0, missing: 1 })
    expect(r.locales[0].missingUi).toContain('i18n.fallback.title')
    const text = formatStatus(r)
    expect(text).toContain('fr (Français, fr-FR): 0 translated, 1 outdated, 0 unstamped, 1 missing')
    expect(text).toContain('outdated  locales/fr/a.md')
    expect(text).toContain('missing   docs/b.md')
  })

  it('words a section per locale, its table a TranslationTable over the shared data', () => {
    const md = statusMarkdown(buildStatus(root), '/fr/', en.i18n.status)
    expect(md).toContain('## Français (fr-FR)')
    expect(md).toMatch(/^translated: 0 · outdated: 1 · translated, not stamped: 0 · missing: 1 · \[locale\.json\]\(https:\/\/[^)]+\/blob\/[^)]+\/locales\/fr\/locale\.json\)$/m)
    expect(md).toContain('\n<TranslationTable :data="status" :locale="0" :labels="labels" />\n')
    expect(md).toContain('[How to translate](/fr/contributing/translate.html)')
    expect(md).toMatch(/^Missing UI strings: `i18n\.fallback\.title`/m)
    // No row of the table is Markdown any more.
    expect(md).not.toContain('/fr/a.html')
    const script = /^<script setup>\n([\s\S]*?)\n<\/script>$/m.exec(md)?.[1] ?? ''
    expect(script).toMatch(/^import TranslationTable from ".*\/\.vuepress\/plugins\/i18n\/TranslationTable\.vue"$/m)
    expect(script).toContain('import status from "@temp/i18n/translationStatus.js"')
    const labels = JSON.parse(/^const labels = (.*)$/m.exec(script)![1]) as StatusLabels
    expect(labels).toEqual({ page: 'Page', state: 'State', file: 'File', translated: 'translated', outdated: 'outdated', unstamped: 'translated, not stamped', missing: 'missing' })
  })

  it('keeps a label that names a closing script tag inside the script', () => {
    const md = statusMarkdown(buildStatus(root), '/', { ...en.i18n.status, page: '</script><b>' })
    expect(md.match(/<\/script>/g)).toHaveLength(1)
    expect(md).toContain('"page":"\\u003c/script>\\u003cb>"')
  })

  it('gives the tables one row per page: its route, state, and file (the English one where it is missing)', () => {
    const data = statusTableData(buildStatus(root), '/docs/', 'https://example.com/blob/main/')
    expect(data).toEqual({
      base: '/docs/',
      fileBase: 'https://example.com/blob/main/',
      locales: [[['/fr/a.html', 'outdated', 'locales/fr/a.md'], ['/fr/b.html', 'missing', 'docs/b.md']]],
    })
  })
})

describe('the status table', () => {
  const labels: StatusLabels = { page: 'Seite', state: 'Stand', file: 'Datei', translated: 'übersetzt', outdated: 'veraltet', unstamped: 'ungestempelt', missing: 'fehlt' }
  const render = (data: StatusTableData, locale = 0) =>
    renderToString(createSSRApp({ render: () => h(TranslationTable, { data, locale, labels }) }))

  it('renders the table Markdown rendered: plain page links under the base, file links to a new tab', async () => {
    const data: StatusTableData = {
      base: '/docs/',
      fileBase: 'https://example.com/blob/main/',
      locales: [[['/x/', 'translated', 'locales/x/README.md']], [['/fr/a.html', 'outdated', 'locales/fr/a.md'], ['/fr/b.html', 'missing', 'docs/b.md']]],
    }
    expect(await render(data, 1)).toBe('<table><thead><tr><th>Seite</th><th>Stand</th><th>Datei</th></tr></thead><tbody><!--[-->'
      + '<tr><td><a href="/docs/fr/a.html">/fr/a.html</a></td><td>veraltet</td><td><a href="https://example.com/blob/main/locales/fr/a.md" target="_blank" rel="noopener noreferrer">locales/fr/a.md</a></td></tr>'
      + '<tr><td><a href="/docs/fr/b.html">/fr/b.html</a></td><td>fehlt</td><td><a href="https://example.com/blob/main/docs/b.md" target="_blank" rel="noopener noreferrer">docs/b.md</a></td></tr>'
      + '<!--]--></tbody></table>')
  })

  it('renders names as text, and percent-encodes them in links as Markdown did', async () => {
    const data: StatusTableData = { base: '/', fileBase: 'https://example.com/blob/main/', locales: [[['/ü/<i>.html', 'unstamped', 'locales/ü/<i>&"x".md']]] }
    const html = await render(data)
    expect(html).toContain('<a href="/%C3%BC/%3Ci%3E.html">/ü/&lt;i&gt;.html</a>')
    expect(html).toContain('<td>ungestempelt</td>')
    expect(html).toContain('<a href="https://example.com/blob/main/locales/%C3%BC/%3Ci%3E&amp;%22x%22.md" target="_blank" rel="noopener noreferrer">locales/ü/&lt;i&gt;&amp;&quot;x&quot;.md</a>')
    expect(html).not.toContain('<i>')
  })
})

describe('status page links', () => {
  const md = createMarkdown()
  plainLinksOnStatusPages(md)
  const text = '| [/fr/a.html](/fr/a.html) | [x](https://example.com/x.md) |\n| --- | --- |\n\n[How to translate](/fr/contributing/translate.html)'
  const render = (frontmatter: Record<string, unknown>) => {
    const env: { base: string; frontmatter: Record<string, unknown>; links?: unknown[] } = { base: '/', frontmatter }
    return { html: md.render(text, env), links: env.links }
  }

  it('are plain anchors on a status page, still recorded for the link check', () => {
    const { html, links } = render({ i18nStatus: true })
    expect(html).toContain('<a href="/fr/a.html">/fr/a.html</a>')
    expect(html).toContain('<a href="/fr/contributing/translate.html">How to translate</a>')
    expect(html).toContain('<a href="https://example.com/x.md" target="_blank" rel="noopener noreferrer">x</a>')
    expect(html).not.toContain('RouteLink')
    expect(links).toHaveLength(2)
  })

  it('carry the site\'s base, as RouteLink would', () => {
    // Under a base, VuePress's links plugin takes a link to a page within it (and routes it without the base).
    expect(md.render('[a](/docs/fr/a.html)', { base: '/docs/', frontmatter: { i18nStatus: true } })).toContain('<a href="/docs/fr/a.html">a</a>')
    expect(md.render('[a](/docs/fr/a.html)', { base: '/docs/', frontmatter: {} })).toContain('<RouteLink to="/fr/a.html">a</RouteLink>')
  })

  it('stay RouteLinks on every other page', () => {
    const { html } = render({ title: 'x' })
    expect(html).toContain('<RouteLink to="/fr/a.html">/fr/a.html</RouteLink>')
    expect(html).toContain('<RouteLink to="/fr/contributing/translate.html">How to translate</RouteLink>')
  })
})

describe('search extra fields', () => {
  it('indexes the rpc methods and tags of a page, nothing else', () => {
    const page = { frontmatter: { rpc: ['faucetget', 'faucetinfo'], tags: 'cc faucet', title: 'x' }, content: 'body text' }
    expect(searchExtraFields(page as never)).toEqual(['faucetget', 'faucetinfo', 'cc', 'faucet'])
    expect(searchExtraFields({ frontmatter: {} } as never)).toEqual([])
  })
})
