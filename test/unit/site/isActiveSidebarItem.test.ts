import { describe, expect, it } from 'vitest'
import type { SidebarItem } from '@vuepress/theme-default/client'
import { isActiveSidebarItem as theirs } from '@vuepress/theme-default/dist/client/utils/isActiveSidebarItem.js'
import { isActiveSidebarItem as ours } from '../../../.vuepress/theme/isActiveSidebarItem.ts'

// Items in the forms the sidebar holds: pages, folder indexes, a `.md` link, an encoded path, headings under the
// page's item (hash links), and groups with and without a link of their own.
const items: SidebarItem[] = [
  { text: 'A', link: '/a.html' },
  { text: 'Index', link: '/guides/' },
  { text: 'Md', link: '/guides/b.md' },
  { text: 'Encoded', link: '/zh/%E6%8C%87%E5%8D%97.html' },
  { text: 'C', link: '/guides/c.html', children: [{ text: 'One', link: '#one', children: [] }] } as SidebarItem,
  { text: 'Heading', link: '#one' },
  { text: 'Group', collapsible: true, children: [{ text: 'D', link: '/d/index.html' }, { text: 'E', link: '/d/e.html#frag' }] },
  { text: 'Linked group', link: '/x/', children: [{ text: 'Y', link: '/x/y.html' }] },
]
const routes = [
  ['/a.html', ''], ['/guides/', ''], ['/guides/index.html', ''], ['/guides/b.html', ''], ['/guides/c.html', '#one'], ['/guides/c.html', '#two'],
  ['/zh/指南.html', ''], ['/zh/%E6%8C%87%E5%8D%97.html', ''], ['/d/', ''], ['/d/e.html', ''], ['/x/', ''], ['/x/y.html', '#a'], ['/nowhere.html', ''],
] as const

describe('isActiveSidebarItem', () => {
  it.each(routes)('answers as the theme does on %s%s', (path, hash) => {
    for (const item of items) expect(ours(item, { path, hash }), item.text).toBe(theirs(item, { path, hash } as never))
  })

  it('finds the page below a group, and only there', () => {
    expect(ours(items[6], { path: '/d/e.html', hash: '' })).toBe(true)
    expect(ours(items[6], { path: '/a.html', hash: '' })).toBe(false)
  })
})
