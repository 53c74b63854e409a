import fs from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { templateRenderer, type TemplateRendererContext } from 'vuepress/utils'
import { renderPageTemplate } from '../../../.vuepress/bundler/pageTemplate.ts'

// The template `vuepress build` renders every page into (@vuepress/client's, the site sets none of its own).
const template = fs.readFileSync(createRequire(import.meta.url).resolve('@vuepress/client/templates/build.html'), 'utf8')
const context: TemplateRendererContext = {
  content: '<div class="vp-page"><p>A page, long in real life.</p></div>',
  head: '<title>Faucet</title><meta name="description" content="Get coins">',
  lang: 'zh-CN',
  prefetch: '<link rel="prefetch" href="/assets/a.js" as="script">',
  preload: '<link rel="modulepreload" href="/assets/app.js">',
  scripts: '<script type="module" src="/assets/app.js" defer></script>',
  styles: '<link rel="stylesheet" href="/assets/style.css">',
  version: '2.0.0-rc.28',
}

describe('the page template renderer', () => {
  it('renders a page exactly as VuePress\'s own renderer does', async () => {
    const ours = await renderPageTemplate(template, context)
    expect(ours).toBe(await templateRenderer(template, context))
    expect(ours).toContain('<html lang="zh-CN">')
    expect(ours).toContain(`<div id="app">${context.content}</div>`)
    expect(ours).not.toContain('<!--vuepress-ssr-')
  })

  it('leaves a page\'s own text alone, outlets and replacement patterns included', async () => {
    const content = '<p>The template has <code>&lt;!--vuepress-ssr-scripts--&gt;</code></p><!--vuepress-ssr-scripts-->'
    const head = '<meta name="price" content="$& $1 $$">'
    const html = await renderPageTemplate(template, { ...context, content, head })
    expect(html).toContain(`<div id="app">${content}</div>`)
    expect(html).toContain(head)
    expect(html.match(/<script type="module"/g)).toHaveLength(1)
  })

  it('fills a template with no content outlet, as VuePress does', async () => {
    const bare = '<html lang="{{ lang }}"><head><!--vuepress-ssr-head--></head></html>'
    expect(await renderPageTemplate(bare, context)).toBe(await templateRenderer(bare, context))
  })
})
