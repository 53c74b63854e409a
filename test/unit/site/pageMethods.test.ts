import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page, PluginObject } from 'vuepress/core'
import { pageMethodsOf, pageMethodsPlugin, referenceFileOf, withoutTranslatedEnglish } from '../../../.vuepress/plugins/pageMethods.ts'
import { methodStringsFrom } from '../../../components/i18n/useMethodStrings.ts'
import type { MethodSpec } from '../../../protocol/catalog.ts'

let root: string
const file = () => path.join(root, 'locales', 'zh', 'reference.json')
const write = (summary: string, mtime: number) => {
  fs.writeFileSync(file(), JSON.stringify({ methods: { getinfo: { summary } } }))
  fs.utimesSync(file(), mtime, mtime)
}
const app = () => ({ dir: { source: (...p: string[]) => path.join(root, ...p) } }) as never
const page = (pathLocale: string) => ({ frontmatter: { rpc: ['getinfo'] }, content: '', pathLocale, data: {} }) as unknown as Page<Record<string, unknown>>

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-page-methods-'))
  fs.mkdirSync(path.dirname(file()), { recursive: true })
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('a translated page\'s method texts', () => {
  it('come from its locale\'s reference.json, read once for all its pages', () => {
    write('获取信息', 1_000)
    const plugin = pageMethodsPlugin() as PluginObject
    const first = page('/zh/')
    plugin.extendsPage!(first, app())
    expect(first.data.methodTexts).toEqual({ getinfo: { summary: '获取信息' } })
    expect(referenceFileOf(path.join(root, 'locales'), 'zh')).toBe(referenceFileOf(path.join(root, 'locales'), 'zh'))
    const english = page('/')
    plugin.extendsPage!(english, app())
    expect(english.data.methodTexts).toBeUndefined()
    expect(english.data.methodSpecs).toHaveProperty('getinfo')
  })

  it('follow an edit of the file (vuepress dev), and its removal', () => {
    write('旧', 1_000)
    const locales = path.join(root, 'locales')
    expect(referenceFileOf(locales, 'zh').methods?.getinfo.summary).toBe('旧')
    write('新的摘要', 2_000)
    expect(referenceFileOf(locales, 'zh').methods?.getinfo.summary).toBe('新的摘要')
    fs.rmSync(file())
    expect(referenceFileOf(locales, 'zh')).toEqual({})
  })
})

describe('a translated page\'s method specs', () => {
  it('leave out the English its texts translate, and keep the rest as the fallback', () => {
    const specs = pageMethodsOf(['getrawtransaction', 'getinfo'], '')
    const english = specs.getrawtransaction
    const texts = { getrawtransaction: { summary: 'Транзакция по txid', params: { txid: 'Идентификатор', verbose: '  ' } } }
    const lean = withoutTranslatedEnglish(specs, texts)
    expect(lean.getrawtransaction.summary).toBe('')
    expect(lean.getrawtransaction.params.map((p) => p.summary)).toEqual(['', english.params[1].summary])
    // Everything but the translated texts is the spec as it was: types, formats, examples, the other method.
    expect({ ...lean.getrawtransaction, summary: english.summary, params: english.params }).toEqual(english)
    expect(lean.getrawtransaction.params.map(({ summary: _s, ...p }) => p)).toEqual(english.params.map(({ summary: _s, ...p }) => p))
    expect(lean.getinfo).toBe(specs.getinfo)
    // What the form shows is unchanged: the translation, else English.
    const shown = (s: MethodSpec) => [methodStringsFrom(texts).summary(s), ...s.params.map((p) => methodStringsFrom(texts).param(s, p.name))]
    expect(shown(lean.getrawtransaction)).toEqual(shown(english))
    expect(shown(lean.getrawtransaction)).toEqual(['Транзакция по txid', 'Идентификатор', english.params[1].summary])
  })

  it('stay whole on an English page, and lean on a translated one', () => {
    fs.writeFileSync(file(), JSON.stringify({ methods: { getinfo: { summary: '获取信息' } } }))
    const plugin = pageMethodsPlugin() as PluginObject
    const zh = page('/zh/')
    const en = page('/')
    plugin.extendsPage!(zh, app())
    plugin.extendsPage!(en, app())
    const whole = pageMethodsOf(['getinfo'], '').getinfo
    expect((en.data.methodSpecs as Record<string, MethodSpec>).getinfo).toEqual(whole)
    expect((zh.data.methodSpecs as Record<string, MethodSpec>).getinfo).toEqual({ ...whole, summary: '' })
  })
})
