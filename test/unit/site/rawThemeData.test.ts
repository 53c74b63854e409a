import { describe, expect, it, vi } from 'vitest'
import { isReactive, ref, toRaw, watch } from 'vue'

// As @vuepress/plugin-theme-data holds it: the theme's data in a deep ref.
const themeData = ref({ locales: { '/': { navbar: [{ text: 'A', link: '/a.html' }], sidebar: [{ text: 'B', children: [] }] } } })
vi.mock('@vuepress/plugin-theme-data/client', () => ({ useThemeData: () => themeData }))
const { keepThemeDataRaw } = await import('../../../.vuepress/theme/rawThemeData.ts')

describe('keepThemeDataRaw', () => {
  it('leaves the theme data, and everything read through it, plain objects', () => {
    const locales = toRaw(themeData.value.locales)
    expect(isReactive(themeData.value.locales['/'].navbar)).toBe(true)
    keepThemeDataRaw()
    expect(isReactive(themeData.value)).toBe(false)
    expect(isReactive(themeData.value.locales['/'].navbar)).toBe(false)
    expect(isReactive(themeData.value.locales['/'].sidebar[0])).toBe(false)
    // The same locale objects: a locale's chunk filled in later (themeDataByLocale) is seen through it.
    expect(themeData.value.locales).toBe(locales)
  })

  it('still lets a new value (vuepress dev) trigger the ref', () => {
    keepThemeDataRaw()
    const seen = vi.fn()
    const stop = watch(themeData, seen, { flush: 'sync' })
    themeData.value = { locales: {} } as never
    stop()
    expect(seen).toHaveBeenCalledTimes(1)
  })
})
