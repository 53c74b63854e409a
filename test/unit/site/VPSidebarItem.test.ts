import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, h, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { SidebarItem } from '@vuepress/theme-default/client'
import { isActiveSidebarItem } from '@vuepress/theme-default/dist/client/utils/isActiveSidebarItem.js'

// VuePress's own client (RouteLink, AutoLink, route resolution) reads the build's routes from a virtual module, and
// constants the build defines.
vi.hoisted(() => Object.assign(globalThis, { __VUEPRESS_DEV__: false, __VUEPRESS_BASE__: '/' }))
vi.mock('@internal/routes', () => ({ routes: ref({}), redirects: ref({}) }))
vi.mock('vuepress/client', async () => import('@vuepress/client'))
const { clientDataSymbol } = await import('@vuepress/client')
const { default: VPSidebarItem } = await import('../../../.vuepress/theme/VPSidebarItem.vue')
const { prebuiltLeavesKey } = await import('../../../.vuepress/theme/prebuiltLeaves.ts')
const { prebuiltLeaves } = await import('../../../.vuepress/theme/sidebarLeafHtml.ts')

// The prebuilt leaves as the server's app provides them (client.ts), counted; without them every leaf renders from
// the item's template, as in the browser: the reference.
const leaves = { used: 0 }
const counted: typeof prebuiltLeaves = (...args) => {
  const html = prebuiltLeaves(...args)
  leaves.used += html.filter(Boolean).length
  return html
}

// A sidebar in the forms the theme resolves (useSidebarItems.ts): plain groups, a collapsible one, a group that is a
// page, nested groups, a relative and an external link, a `.md` and an encoded path, text to escape, and (on its own
// page) a link holding the page's headings.
const headings = [{ text: 'One', link: '#one', children: [{ text: 'Two', link: '#two', children: [] }] }]
const sidebar = (page: string): SidebarItem[] => {
  const leaf = (text: string, link: string): SidebarItem => (link === page ? { text, link, children: headings } : { text, link }) as SidebarItem
  return [
    { text: 'Guides', children: [leaf('A', '/guides/a.html'), leaf('B & <b>"quoted"</b>', '/guides/b.html'), leaf('Index', '/guides/')] },
    { text: 'Closed', collapsible: true, children: [leaf('C', '/c/c.html'), leaf('Md', '/c/d.md'), { text: 'Deeper', children: [leaf('E', '/c/e/e.html')] }] },
    { text: 'Linked', link: '/x/', collapsible: true, children: [leaf('Y', '/x/y.html'), leaf('Relative', 'z.html'), leaf('Out', 'https://example.com/o')] },
    { text: '指南', children: [leaf('编码', '/zh/%E6%8C%87%E5%8D%97.html'), leaf('Fragment', '/guides/a.html#frag')] },
    leaf('Top', '/top.html'),
  ] as SidebarItem[]
}
// The leaves in groups with an absolute path: every one the page does not link to is prebuilt.
const prebuildable = ['/guides/a.html', '/guides/b.html', '/guides/', '/c/c.html', '/c/d.md', '/c/e/e.html', '/x/y.html', '/zh/%E6%8C%87%E5%8D%97.html', '/guides/a.html#frag']
const pages = ['/guides/a.html', '/guides/b.html', '/guides/', '/c/c.html', '/c/d.html', '/c/e/e.html', '/x/', '/x/y.html', '/x/z.html',
  '/zh/指南.html', '/top.html', '/nowhere.html', '/guides/a.html#two']

async function render(page: string, prebuilt: boolean): Promise<string> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const app = createSSRApp({ render: () => h('ul', sidebar(page.replace(/#.*/, '')).map((item) => h(VPSidebarItem, { item }))) }).use(router)
  // AutoLink (an external link) reads the site's locales.
  app.provide(clientDataSymbol, { siteData: ref({ locales: { '/': {} } }) } as never)
  if (prebuilt) app.provide(prebuiltLeavesKey, counted)
  await router.push(page)
  return renderToString(app)
}

describe('the sidebar with prebuilt leaves', () => {
  it.each(pages)('renders page %s exactly as its template does', async (page) => {
    const template = await render(page, false)
    leaves.used = 0
    expect(await render(page, true)).toBe(template)
    // The page's own link and the relative and external ones are the template's, and every link on a page with a
    // hash (a hash link would be active there).
    const [path, hash = ''] = page.split(/(?=#)/)
    const inactive = prebuildable.filter((link) => !isActiveSidebarItem({ text: '', link }, { path, hash } as never))
    expect(leaves.used).toBe(hash ? 0 : inactive.length)
  })

  it('renders the page\'s own link active, from the template', async () => {
    const html = await render('/guides/b.html', true)
    expect(html).toContain('<a class="route-link auto-link vp-sidebar-item active" href="/guides/b.html" aria-label="B &amp; &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;">')
    expect(html).toContain('<a class="route-link auto-link vp-sidebar-item" href="/guides/a.html" aria-label="A">A</a>')
  })
})
