import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, h, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createBuildApp } from 'vuepress/core'
import { createMarkdown } from 'vuepress/markdown'
import type { MethodSpec } from '../../../protocol/catalog.ts'
import { METHODS, getMethod } from '../../../modules/catalog.ts'
import { groupByCategory, indexTableLinks, referencePages, rpcReferencePlugin, skeletonContext } from '../../../.vuepress/plugins/rpcReference.ts'
import { findBrokenLinks } from '../../../.vuepress/plugins/i18n/linkCheck.ts'
import { profilesAllowing } from '../../../.vuepress/reference/profiles.ts'
import { indexDataSource, indexTableData, type IndexTableData } from '../../../.vuepress/reference/indexTable.ts'
import { indexDataModule, methodLink, referencePagePath, type SkeletonContext } from '../../../.vuepress/reference/skeleton.ts'
import { resolveStrings } from '../../../.vuepress/reference/strings.ts'

// VuePress's own RouteLink, as the index's Markdown tables rendered their method links: its client reads the build's
// routes from a virtual module, and constants the build defines (as in test/unit/site/plainLink.test.ts).
vi.hoisted(() => Object.assign(globalThis, { __VUEPRESS_DEV__: false, __VUEPRESS_BASE__: '/' }))
vi.mock('@internal/routes', () => ({ routes: ref({}), redirects: ref({}) }))
vi.mock('vuepress/client', async () => import('@vuepress/client'))
const { RouteLink } = await import('@vuepress/client')
const { default: MethodIndexTable } = await import('../../../.vuepress/reference/client/MethodIndexTable.vue')

const english = resolveStrings({})
const ctx = (prefix = '/'): SkeletonContext => ({ prefix, recorded: new Set(), profiles: profilesAllowing })
const md = createMarkdown()
const inline = (markdown: string) => md.renderInline(markdown, { base: '/', filePathRelative: null })
const method = (name: string): MethodSpec => getMethod(name) ?? (() => { throw new Error(name) })()

async function render(data: IndexTableData, group: number, page = '/reference/'): Promise<string> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const app = createSSRApp({ render: () => h(MethodIndexTable, { data, group }) }).use(router)
  app.component('RouteLink', RouteLink)
  await router.push(page)
  return renderToString(app)
}

describe('the index tables as data', () => {
  it('has a table per category heading, in the page\'s order, with the locale\'s links and words', () => {
    const zh = resolveStrings({ labels: { method: '方法', noProfile: '无' }, methods: { getinfo: { summary: '节点信息。' } } })
    const groups = groupByCategory(METHODS)
    const data = indexTableData(groups, zh, ctx('/zh/'), inline)
    expect(data.groups.map((g) => g.map((r) => r[0]))).toEqual(groups.map((g) => g.methods.map((m) => m.name)))
    const getinfo = data.groups.flat().find((r) => r[0] === 'getinfo')!
    expect(getinfo).toEqual(['getinfo', '/zh/reference/control.html#getinfo', 'read', 'local, public', '节点信息。'])
    expect(data.head[0]).toBe('方法')
    // A method no profile allows says so in the locale's word.
    expect(data.groups.flat().find((r) => r[0] === 'dumpprivkey')![3]).toBe('无')
  })

  it('renders the summary as the Markdown cell rendered it: text, escaped, `{{` broken up, no emphasis', () => {
    const spec = { ...method('getinfo'), summary: 'Returns <NAME> & {{ x }} *not* bold, it\'s "so" <script>alert(1)</script>' }
    const [[row]] = indexTableData([{ category: 'control', methods: [spec] }], english, ctx(), inline).groups
    expect(row[4]).toBe('Returns &lt;NAME&gt; &amp; {\u200b{ x }} *not* bold, it&#39;s &quot;so&quot; &lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('writes a module that gives the data back, whatever its strings hold', async () => {
    const data: IndexTableData = { head: ['a', 'b', 'c', 'd'], groups: [[['x', '/r.html#x', 's', 'p', '`</script>` "\\" ${x}']]] }
    const source = indexDataSource(data)
    expect(source).toMatch(/^export default JSON\.parse\(".*"\)\n$/s)
    const mod = await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`) as { default: IndexTableData }
    expect(mod.default).toEqual(data)
  })
})

describe('the index page', () => {
  it('keeps its title, intro and category headings, a MethodIndexTable under each over the locale\'s module', () => {
    const groups = groupByCategory(METHODS)
    const index = referencePages(METHODS, english, skeletonContext('/zh/', new Set()))[0]
    const script = /^<script setup>\n([\s\S]*?)\n<\/script>$/m.exec(index.content)?.[1] ?? ''
    expect(script).toMatch(/^import MethodIndexTable from ".*\/\.vuepress\/reference\/client\/MethodIndexTable\.vue"$/m)
    expect(script).toContain('import index from "@temp/reference/methodIndex-zh.js"')
    expect(indexDataModule('/zh/')).toBe('reference/methodIndex-zh.js')
    expect(indexDataModule('/')).toBe('reference/methodIndex-en.js')
    expect(index.content).toContain('\n# RPC reference\n')
    groups.forEach((g, i) => expect(index.content).toContain(
      `\n## [${english.categories[g.category].title}](${referencePagePath('/zh/', g.category)})\n\n<MethodIndexTable :data="index" :group="${i}" />\n`))
    // No row of the tables is Markdown any more.
    expect(index.content).not.toContain('#faucetget')
  })
})

describe('the index tables\' links', () => {
  const app = { markdown: md, options: { base: '/' } } as Parameters<typeof indexTableLinks>[0]
  const data = indexTableData(groupByCategory(METHODS), english, ctx(), inline)

  it('are the page\'s links, as the Markdown links plugin records them', () => {
    const links = indexTableLinks(app, data)
    expect(links).toHaveLength(METHODS.length)
    expect(links).toContainEqual({ raw: '/reference/faucet.html#faucetget', relative: 'reference/faucet.html', absolute: '/reference/faucet.html' })
  })

  it('are the built index page\'s links, which the link check reads: a method whose page is gone is reported', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-reference-'))
    try {
      fs.mkdirSync(path.join(tmp, 'src/docs'), { recursive: true })
      fs.writeFileSync(path.join(tmp, 'src/docs/README.md'), '# Home\n')
      const built = createBuildApp({
        source: path.join(tmp, 'src'), temp: path.join(tmp, 'temp'), cache: path.join(tmp, 'cache'), dest: path.join(tmp, 'dist'),
        pagePatterns: ['docs/**/*.md'], bundler: { name: 'none' } as never, theme: { name: 'none' } as never,
        plugins: [rpcReferencePlugin({ methods: METHODS })],
      })
      await built.init()
      const index = built.pages.find((p) => p.path === '/reference/')!
      for (const m of METHODS) expect(index.links, m.name).toContainEqual(expect.objectContaining({ raw: methodLink('/', m) }))
      // The module the page imports holds the tables.
      const source = fs.readFileSync(path.join(tmp, 'temp', indexDataModule('/')), 'utf8')
      expect(source).toBe(indexDataSource(indexTableData(groupByCategory(METHODS), english, ctx(), inline)))
      expect(findBrokenLinks(built)).toEqual([])
      built.pages.splice(built.pages.findIndex((p) => p.path === referencePagePath('/', 'faucet')), 1)
      const faucet = groupByCategory(METHODS).find((g) => g.category === 'faucet')!.methods
      expect(findBrokenLinks(built).filter((b) => b.route === '/reference/').map((b) => b.link).sort())
        .toEqual(['/reference/faucet.html', ...faucet.map((m) => methodLink('/', m))].sort())
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
})

describe('the index table', () => {
  const data: IndexTableData = {
    head: ['Method', 'Safety <em>class</em>', 'Profiles', 'Description'],
    groups: [
      [['a', '/reference/a.html#a', 'read', 'none', 'A.']],
      [['getinfo', '/zh/reference/control.html#getinfo', 'read', 'local, public', 'Node &amp; chain, it&#39;s <code>x</code>.'],
        ['<b>x</b>', '/zh/reference/control.html#x', '"&\'', '', '']],
    ],
  }

  it('renders the table Markdown rendered: RouteLinks to the sections, names as text, our HTML as it is', async () => {
    expect(await render(data, 1, '/zh/reference/')).toBe('<table><thead><tr><th>Method</th><th>Safety <em>class</em></th><th>Profiles</th><th>Description</th></tr></thead><tbody><!--[-->'
      + '<tr><td><a class="route-link" href="/zh/reference/control.html#getinfo"><code>getinfo</code></a></td><td><code>read</code></td><td>local, public</td><td>Node &amp; chain, it&#39;s <code>x</code>.</td></tr>'
      + '<tr><td><a class="route-link" href="/zh/reference/control.html#x"><code>&lt;b&gt;x&lt;/b&gt;</code></a></td><td><code>&quot;&amp;&#39;</code></td><td></td><td></td></tr>'
      + '<!--]--></tbody></table>')
  })

  it('renders one category\'s rows only', async () => {
    const html = await render(data, 0)
    expect(html).toContain('<a class="route-link" href="/reference/a.html#a"><code>a</code></a>')
    expect(html).not.toContain('getinfo')
  })
})
