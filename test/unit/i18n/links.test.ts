import { describe, expect, it } from 'vitest'
import { findBrokenLinks, formatBrokenLinks } from '../../../.vuepress/plugins/i18n/linkCheck.ts'
import { localizeLink, localizeMarkdownLinks } from '../../../.vuepress/plugins/i18n/localizeLinks.ts'

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
    expect(localizeMarkdownLinks('See [x](/a.html) and [y](https://e.org) ![i](/img.png)', '/zh/', src, prefixes))
      .toBe('See [x](/zh/a.html) and [y](https://e.org) ![i](/img.png)')
  })
})

describe('link check', () => {
  const page = (over: object) => ({ path: '/', pathInferred: null as string | null, filePathRelative: null, links: [], frontmatter: {}, ...over })
  const app = (pages: object[]) => ({ pages, options: { base: '/' } }) as unknown as Parameters<typeof findBrokenLinks>[0]

  it('accepts links to pages, to source paths and to folders, and names the page of a broken one', () => {
    const pages = [
      page({ path: '/', filePathRelative: 'docs/README.md', frontmatter: { actions: [{ link: '/guide.html' }, { link: '/nope/' }] } }),
      page({ path: '/guide.html', pathInferred: '/docs/guide.html', filePathRelative: 'docs/guide.md', links: [
        { raw: './README.md', relative: 'docs/README.md', absolute: '/docs/README.md' },
        { raw: '/guide.html#x', relative: 'guide.html', absolute: '/guide.html' },
        { raw: '/missing.html', relative: 'missing.html', absolute: '/missing.html' },
      ] }),
    ]
    pages[0].pathInferred = '/docs/'
    const broken = findBrokenLinks(app(pages))
    expect(broken).toEqual([
      { page: 'docs/README.md', route: '/', link: '/nope/' },
      { page: 'docs/guide.md', route: '/guide.html', link: '/missing.html' },
    ])
    expect(formatBrokenLinks(broken)).toContain('docs/guide.md (/guide.html) → /missing.html')
  })
})
