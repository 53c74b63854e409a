import { describe, expect, it } from 'vitest'
import { uiPart } from '../../../.vuepress/bundler/localeUiParts.ts'
import { en } from '../../../components/i18n/en.ts'
import { MODULE_STRINGS } from '../../../modules/registry.ts'

describe('a locale\'s UI strings in two parts', () => {
  it('puts the core components\' keys in one part and every module\'s in the other, losing none', () => {
    const ui = { common: { run: '运行' }, picker: { label: '链' }, faucet: { title: '水龙头' }, oracle: { name: '名称' } }
    expect(uiPart(ui, 'core')).toEqual({ common: { run: '运行' }, picker: { label: '链' } })
    expect(uiPart(ui, 'modules')).toEqual({ faucet: { title: '水龙头' }, oracle: { name: '名称' } })
    expect(uiPart(undefined, 'core')).toEqual({})
    // What only the build reads stays out of the page's part.
    const i18n = { fallback: { title: '未翻译' }, sidebar: { untranslated: 'EN' }, status: { title: '翻译状态' } }
    expect(uiPart({ i18n }, 'core')).toEqual({ i18n: { fallback: { title: '未翻译' } } })
  })

  it('knows every registered module\'s strings as module strings', () => {
    const modules = uiPart(Object.fromEntries(Object.keys(MODULE_STRINGS).map((k) => [k, {}])), 'modules')
    expect(Object.keys(modules).sort()).toEqual(Object.keys(MODULE_STRINGS).sort())
    for (const key of Object.keys(MODULE_STRINGS)) expect(Object.hasOwn(en, key), key).toBe(false)
  })
})
