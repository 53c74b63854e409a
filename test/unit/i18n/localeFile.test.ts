import { describe, expect, it } from 'vitest'
import { checkLocaleFile, parseLocaleFile } from '../../../.vuepress/locales/localeFile.ts'

const english = { i18n: { a: 'A', b: 'B' } }
const FILE = 'locales/fr/locale.json'
const errorsOf = (data: unknown) => checkLocaleFile(data, FILE, english).errors

describe('locale.json validation', () => {
  it('accepts a minimal file and reports the UI keys it lacks', () => {
    const r = checkLocaleFile({ lang: 'fr-FR', name: 'Français' }, FILE, english)
    expect(r.errors).toEqual([])
    expect(r.missingUi).toEqual(['i18n.a', 'i18n.b'])
  })

  it('names the file and the field of every problem', () => {
    const errors = errorsOf({ name: '', dir: 'left', theme: { backToHome: 3, sidebar: [] }, search: { placeholder: 1 }, colour: 'x' })
    const fields = ['colour', 'lang', 'name', 'dir', 'theme.backToHome', 'theme.sidebar', 'search.placeholder']
    expect(errors).toHaveLength(fields.length)
    for (const field of fields) expect(errors.some((e) => e.startsWith(`${FILE}: field "${field}"`)), field).toBe(true)
    expect(errors.find((e) => e.includes('"dir"'))).toContain('"left"')
  })

  it('rejects a malformed language tag', () => {
    expect(errorsOf({ lang: 'French', name: 'Français' })).toEqual([
      `${FILE}: field "lang" must be a language tag such as "zh-CN", got "French"`,
    ])
  })

  it('makes an unknown or mistyped UI key an error naming its path', () => {
    expect(errorsOf({ lang: 'fr', name: 'Français', ui: { i18n: { a: 'a', c: 'c' }, extra: 'x' } })).toEqual([
      `${FILE}: field "ui.i18n.c" is not a key of components/i18n/en.ts`,
      `${FILE}: field "ui.extra" is not a key of components/i18n/en.ts`,
    ])
    expect(errorsOf({ lang: 'fr', name: 'Français', ui: { i18n: 'flat' } })[0]).toContain('field "ui.i18n" has the wrong type')
  })

  it('names the file on a JSON syntax error', () => {
    const r = parseLocaleFile('{ "lang": "fr", }', FILE, english)
    expect(r.data).toBeNull()
    expect(r.errors[0]).toMatch(/^locales\/fr\/locale\.json: is not valid JSON/)
  })
})
