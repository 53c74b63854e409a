import { describe, expect, it } from 'vitest'
import { englishUi as en } from '../../../components/i18n/englishUi.ts'
import { buildStatus, formatStatus } from '../../../.vuepress/locales/status.ts'
import { sourceHash, writeSourceHash } from '../../../.vuepress/locales/inventory.ts'
import { searchExtraFields } from '../../../.vuepress/plugins/i18n/searchFields.ts'
import { plainLinksOnStatusPages, statusMarkdown } from '../../../.vuepress/plugins/i18n/statusPage.ts'
import { createMarkdown } from 'vuepress/markdown'
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

  it('renders a table per locale with links to the pages and the files', () => {
    const md = statusMarkdown(buildStatus(root), '/fr/', en.i18n.status)
    expect(md).toContain('## Français (fr-FR)')
    expect(md).toMatch(/\| \[\/fr\/a\.html\]\(\/fr\/a\.html\) \| outdated \| \[locales\/fr\/a\.md\]\(https:\/\/[^)]+\/blob\/[^)]+\/locales\/fr\/a\.md\) \|/)
    expect(md).toMatch(/\| \[\/fr\/b\.html\]\(\/fr\/b\.html\) \| missing \| \[docs\/b\.md\]/)
    expect(md).toContain('[How to translate](/fr/contributing/translate.html)')
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
