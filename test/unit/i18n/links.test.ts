import { describe, expect, it } from 'vitest'
import { findBrokenLinks, formatBrokenLinks } from '../../../.vuepress/plugins/i18n/linkCheck.ts'
import MarkdownIt from 'markdown-it'
import { FALLBACK_LINKS_KEY, localizeLink, localizeLinksRule } from '../../../.vuepress/plugins/i18n/localizeLinks.ts'

const prefixes = ['/', '/zh/']

describe('links of fallback pages stay in the locale', () => {
  it('prefixes absolute links and resolves relative .md links against the English source', () => {
    const src = 'docs/journeys/faucet.md'
    expect(localizeLink('/journeys/tokens.html#start', '/zh/', src, prefixes)).toBe('/zh/journeys/tokens.html#start')
    expect(localizeLink('./tokens.md', '/zh/', src, prefixes)).toBe('/zh/journeys/tokens.html')
    expect(localizeLink('../README.md', '/zh/', src, prefixes)).toBe('/zh/')
    expect(localizeLink('/zh/journeys/x.html', '/zh/', src, prefixes)).toBe('/zh/journeys/x.html')
    expect(localizeLink('https://komodoplatform.com/', '/zh/', src, prefixes)).toBe('https://komodoplatform.com/')
    expect(localizeLink('#anchor', '/zh/', src, prefixes)).toBe('#anchor')
  })
})

describe('the Markdown rule that localizes a fallback page as it renders', () => {
  const md = new MarkdownIt({ html: true })
  localizeLinksRule(md, () => prefixes)
  const render = (markdown: string, fallback = true) =>
    md.render(markdown, { frontmatter: fallback ? { [FALLBACK_LINKS_KEY]: { prefix: '/zh/', source: 'docs/journeys/faucet.md' } } : {} })

  it('moves Markdown, reference-style and HTML links into the locale; leaves external links and images alone', () => {
    const html = render([
      'See [x](/a.html), [rel](./tokens.md) and [y](https://e.org) ![i](/img.png).',
      '',
      'A [reference link][ref] and <a href="/guides/docker.html">an anchor</a>.',
      '',
      '<div><a class="c" href="../README.md">home</a></div>',
      '',
      '[ref]: /journeys/oracles.html#publish',
    ].join('\n'))
    expect(html).toContain('href="/zh/a.html"')
    expect(html).toContain('href="/zh/journeys/tokens.html"')
    expect(html).toContain('href="https://e.org"')
    expect(html).toContain('src="/img.png"')
    expect(html).toContain('href="/zh/journeys/oracles.html#publish"')
    expect(html).toContain('<a href="/zh/guides/docker.html">an anchor</a>')
    expect(html).toContain('<a class="c" href="/zh/">home</a>')
  })

  it('turns relative .md links of any other page into the routes of their files', () => {
    const html = md.render('[t](./translate.md#top), [up](../README.md), [abs](/journeys/faucet.md) and <a href="./add-a-module.md">a</a>', {
      filePathRelative: 'locales/zh/contributing/README.md', frontmatter: {},
    })
    expect(html).toContain('href="/zh/contributing/translate.html#top"')
    expect(html).toContain('href="/zh/"')
    expect(html).toContain('href="/journeys/faucet.md"')
    expect(html).toContain('href="/zh/contributing/add-a-module.html"')
  })

  it('never touches code: fences and inline code keep their URLs as written', () => {
    const html = render(['Use `[x](/a.html)` inline.', '', '```md', '[x](/a.html) <a href="/b.html">b</a>', '```'].join('\n'))
    expect(html).not.toContain('/zh/')
    expect(html).toContain('[x](/a.html)')
    expect(html).toContain('&lt;a href=&quot;/b.html&quot;&gt;')
  })

  it('leaves pages that are not fallbacks alone', () => {
    expect(render('[x](/a.html)', false)).toContain('href="/a.html"')
  })
})

describe('link check', () => {
  const page = (over: object) => ({ path: '/', filePathRelative: null, links: [], frontmatter: {}, ...over })
  const app = (pages: object[]) => ({ pages, options: { base: '/' } }) as unknown as Parameters<typeof findBrokenLinks>[0]

  it('accepts links to pages and to folders, refuses source paths, and names the page of a broken one', () => {
    const pages = [
      page({ path: '/', filePathRelative: 'docs/README.md', frontmatter: { actions: [{ link: '/guide.html' }, { link: '/nope/' }] } }),
      page({ path: '/guide.html', filePathRelative: 'docs/guide.md', links: [
        { raw: '/', relative: '', absolute: '/' },
        { raw: '/docs/guide.html', relative: 'docs/guide.html', absolute: '/docs/guide.html' },
        { raw: '/guide.html#x', relative: 'guide.html', absolute: '/guide.html' },
        { raw: '/missing.html', relative: 'missing.html', absolute: '/missing.html' },
      ] }),
    ]
    const broken = findBrokenLinks(app(pages))
    expect(broken).toEqual([
      { page: 'docs/README.md', route: '/', link: '/nope/' },
      { page: 'docs/guide.md', route: '/guide.html', link: '/docs/guide.html' },
      { page: 'docs/guide.md', route: '/guide.html', link: '/missing.html' },
    ])
    expect(formatBrokenLinks(broken)).toContain('docs/guide.md (/guide.html) → /missing.html')
  })
})
