/** The one list of devchain/komodod differences and the page generated from it, in every locale. */
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { DIFFERENCES } from '../../../protocol/differences.ts'
import { getMethod } from '../../../modules/catalog.ts'
import { profilesAllowing } from '../../../.vuepress/reference/profiles.ts'
import { renderDifferencesPage, differencesPath } from '../../../.vuepress/reference/skeleton.ts'
import { resolveStrings } from '../../../.vuepress/reference/strings.ts'
import { virtualSource } from '../../../.vuepress/plugins/rpcReference.ts'

const ctx = (prefix: string) => ({ prefix, recorded: new Set<string>(), profiles: profilesAllowing })

describe('protocol/differences.ts', () => {
  it('has unique ids and names only catalog methods', () => {
    expect(new Set(DIFFERENCES.map((d) => d.id)).size).toBe(DIFFERENCES.length)
    for (const d of DIFFERENCES) for (const m of d.methods ?? []) expect(getMethod(m), `${d.id}: ${m}`).toBeDefined()
    // What the issue names as still different is on the list.
    for (const id of ['shielded', 'p2p', 'generate']) expect(DIFFERENCES.map((d) => d.id)).toContain(id)
  })
})

describe('"The devchain and komodod" page', () => {
  it('renders every difference with komodod beside the devchain, and links the methods', () => {
    const page = renderDifferencesPage(DIFFERENCES, 12, resolveStrings({}), ctx('/'))
    expect(page.path).toBe('/reference/devchain-and-komodod.html')
    expect(page.frontmatter.title).toBe('The devchain and komodod')
    expect(virtualSource(null, page)).toBe('docs/reference/devchain-and-komodod.md')
    const html = new MarkdownIt({ html: true }).render(page.content)
    expect(html.match(/<h2>/g)).toHaveLength(DIFFERENCES.length)
    expect(page.content).toContain('[`generate`](/reference/mining.html#generate)')
    expect(page.content).toContain('**komodod:** Sapling z-addresses')
  })

  it('takes a locale\'s translations by id and falls back to English string by string', () => {
    const t = resolveStrings({ labels: { differencesTitle: 'Devchain 与 komodod' }, differences: { p2p: { title: '节点与 P2P 网络' } } })
    const page = renderDifferencesPage(DIFFERENCES, 12, t, ctx('/zh/'))
    expect(page.path).toBe(differencesPath('/zh/'))
    expect(page.content).toMatch(/^# Devchain 与 komodod/)
    expect(page.content).toContain('## 节点与 P2P 网络\n')
    expect(page.content).toContain('## Shielded transactions\n')
    expect(page.content).toContain('(/zh/reference/network.html#getpeerinfo)')
    expect(virtualSource('zh', page)).toBe('locales/zh/reference/devchain-and-komodod.md')
  })
})
