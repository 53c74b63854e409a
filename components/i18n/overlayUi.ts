/** A tree of UI strings: the shape of `components/i18n/en.ts` and of a `locale.json`'s `"ui"`. */
type Tree = { readonly [key: string]: string | Tree }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * English with a translation laid over it key by key: a missing, empty or mistyped string stays English, keys
 * English lacks are dropped. The one merge both sides use (the build's navigation and theme labels, the
 * browser's locale chunks), so a server render and its hydration never disagree on a string.
 */
export function overlayUi<T extends Tree>(english: T, translation: unknown): T {
  const given = isObject(translation) ? translation : {}
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(english)) {
    const t = given[key]
    out[key] = typeof value === 'string' ? (typeof t === 'string' && t ? t : value) : overlayUi(value, t)
  }
  return out as T
}
