import { describe, expect, it } from 'vitest'
import { checkUi, leafKeys } from '../../../.vuepress/locales/uiStrings.ts'
import { overlayUi } from '../../../components/i18n/overlayUi.ts'

const english = { a: 'A', g: { b: 'B', c: 'C', deep: { d: 'D' } } } as const

describe('UI strings against English', () => {
  it('lists leaf keys as dotted paths', () => {
    expect(leafKeys(english)).toEqual(['a', 'g.b', 'g.c', 'g.deep.d'])
  })

  it('reports missing, unknown and wrongly typed keys by path', () => {
    const r = checkUi(english, { a: 'x', g: { b: 'y', typo: 'z', deep: 'flat' }, extra: { q: '1' } })
    expect(r.missing).toEqual(['g.c'])
    expect(r.unknown).toEqual(['g.typo', 'extra'])
    expect(r.wrongType).toEqual(['g.deep'])
  })

  it('treats an absent group as all of its keys missing', () => {
    expect(checkUi(english, {}).missing).toEqual(['a', 'g.b', 'g.c', 'g.deep.d'])
  })

  it('merges a partial translation over English and drops unknown keys', () => {
    expect(overlayUi(english, { g: { c: '西', zz: 'no' } })).toEqual({ a: 'A', g: { b: 'B', c: '西', deep: { d: 'D' } } })
  })

  it('keeps English where a translation is empty or mistyped, and reports the empty one as missing', () => {
    const translation = { a: '', g: { b: 7, c: '西', deep: { d: 'Д' } } }
    expect(overlayUi(english, translation)).toEqual({ a: 'A', g: { b: 'B', c: '西', deep: { d: 'Д' } } })
    expect(checkUi(english, translation)).toEqual({ missing: ['a'], unknown: [], wrongType: ['g.b'] })
    // An empty string where English has a group is a wrong type, as any string there is.
    expect(checkUi(english, { a: 'x', g: '' }).wrongType).toEqual(['g'])
  })
})
