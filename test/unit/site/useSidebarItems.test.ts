import { describe, expect, it, vi } from 'vitest'
import type { PageHeader } from 'vuepress/client'
import type { SidebarItem } from '@vuepress/theme-default/client'

// The theme's module resolves through its `@theme/*` aliases, which only its bundler setup knows: stand-ins here,
// with a link's title taken from a routes table as the theme's resolveAutoLink takes it from the route's meta.
const titles: Record<string, string> = { '/zh/a.html': 'A', '/zh/b/': 'B', '/zh/b/c.html': 'C', '/zh/b/d.html': 'D', '/zh/e.html': 'E' }
vi.mock('@theme/resolveAutoLink', () => ({ resolveAutoLink: (link: string) => ({ text: titles[link] ?? link, link }) }))
// Its client entry loads VuePress's client, which needs a build's virtual modules; the helpers used here are shared.
vi.mock('@vuepress/helper/client', async () => import('@vuepress/helper/shared'))
vi.mock('@theme/resolvePrefix', async () => import('@vuepress/theme-default/dist/client/utils/resolvePrefix.js'))
vi.mock('@theme/useHeaders', () => ({ useHeaders: () => undefined }))
vi.mock('@theme/useData', () => ({ useData: () => undefined }))
vi.mock('@vuepress/theme-default/dist/client/composables/useHeaders.js', () => ({ useHeaders: () => undefined }))
vi.mock('@vuepress/theme-default/dist/client/composables/useData.js', () => ({ useData: () => undefined }))

const { resolveArraySidebarItems } = await import('@vuepress/theme-default/dist/client/composables/useSidebarItems.js')
const { withPageHeaders } = await import('../../../.vuepress/theme/useSidebarItems.ts')

// A locale's sidebar as plugins/i18n/navigation.ts writes it (objects), with the theme's other forms beside them:
// a bare path, a relative link under a group's prefix, and a group that is itself a page.
const config = [
  { text: 'A', link: '/zh/a.html' },
  { text: 'B', link: '/zh/b/', prefix: 'b/', collapsible: false, children: ['c.html', { text: 'D', link: 'd.html' }] },
  '/zh/e.html',
]
const headers: PageHeader[] = [
  { level: 2, title: 'One', slug: 'one', link: '#one', children: [{ level: 3, title: 'Two', slug: 'two', link: '#two', children: [] }] },
]
const pages = [...Object.keys(titles), '/zh/nowhere.html']

describe('sidebar items resolved once per locale', () => {
  const shared = resolveArraySidebarItems(config, [], '\0', '/zh/')

  it.each(pages)('give page %s exactly the items the theme resolves for it', (path) => {
    expect(withPageHeaders(shared, path, headers)).toEqual(resolveArraySidebarItems(config, headers, path, '/zh/'))
  })

  it('take a level-1 heading\'s children as the theme does', () => {
    const h1: PageHeader[] = [{ level: 1, title: 'Top', slug: 'top', link: '#top', children: headers }]
    expect(withPageHeaders(shared, '/zh/b/c.html', h1)).toEqual(resolveArraySidebarItems(config, h1, '/zh/b/c.html', '/zh/'))
  })

  it('copy only the path down to the page\'s item, and nothing on a page the sidebar does not link', () => {
    const onC = withPageHeaders(shared, '/zh/b/c.html', headers)
    expect(onC).not.toBe(shared)
    expect(onC[0]).toBe(shared[0])
    expect(onC[2]).toBe(shared[2])
    const group = onC[1] as SidebarItem & { children: SidebarItem[] }
    expect(group).not.toBe(shared[1])
    expect(group.children[1]).toBe((shared[1] as { children: SidebarItem[] }).children[1])
    expect(withPageHeaders(shared, '/zh/nowhere.html', headers)).toBe(shared)
  })
})
