/** A tree of UI strings: the shape of `components/i18n/en.ts` and of `locale.json`'s `"ui"`. */
export interface UiTree {
  readonly [key: string]: string | UiTree
}

export interface UiCheck {
  /** Dotted key paths present in English and absent or empty in the translation (they fall back to English). */
  missing: string[]
  /** Dotted key paths the translation has and English does not: errors. */
  unknown: string[]
  /** Dotted key paths whose value has the wrong type (a string where English nests, or the reverse). */
  wrongType: string[]
}

const isTree = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every leaf key of `tree` as a dotted path, in definition order. */
export function leafKeys(tree: UiTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leafKeys(v, `${prefix}${k}.`)))
}

/** Compares a translation's `"ui"` object with the English tree. */
export function checkUi(english: UiTree, translation: unknown, prefix = ''): UiCheck {
  const out: UiCheck = { missing: [], unknown: [], wrongType: [] }
  const given = isTree(translation) ? translation : {}
  for (const [key, value] of Object.entries(english)) {
    const path = prefix + key
    const t = given[key]
    if (t === undefined || (t === '' && typeof value === 'string')) out.missing.push(...(typeof value === 'string' ? [path] : leafKeys(value, `${path}.`)))
    else if (typeof value === 'string') {
      if (typeof t !== 'string') out.wrongType.push(path)
    } else if (!isTree(t)) out.wrongType.push(path)
    else {
      const sub = checkUi(value, t, `${path}.`)
      out.missing.push(...sub.missing)
      out.unknown.push(...sub.unknown)
      out.wrongType.push(...sub.wrongType)
    }
  }
  for (const key of Object.keys(given)) if (!(key in english)) out.unknown.push(prefix + key)
  return out
}

/** A string tree with English's shape but any strings: what a locale's merged UI strings are. */
export type Translated<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translated<T[K]> }
