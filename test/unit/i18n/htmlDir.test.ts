import { describe, expect, it } from 'vitest'
import { htmlDirRenderer } from '../../../.vuepress/plugins/i18n/htmlDir.ts'

const template = '<!doctype html><html lang="{{ lang }}"><head>{{ head }}</head><body>{{ content }}</body></html>'
const context = (lang: string) => ({ content: '<p>x</p>', head: '', lang, prefetch: '', preload: '', scripts: '', styles: '', version: '' })

describe('<html dir> in the built pages', () => {
  it('marks right-to-left languages and leaves the others alone', async () => {
    const render = htmlDirRenderer(['ar', 'he-IL'])
    await expect(render(template, context('ar'))).resolves.toContain('<html dir="rtl" lang="ar">')
    await expect(render(template, context('zh-CN'))).resolves.toContain('<html lang="zh-CN">')
  })
})
