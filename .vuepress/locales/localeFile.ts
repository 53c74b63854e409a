import { checkUi, type UiTree } from './uiStrings.ts'

/** What a translator writes in `locales/<dir>/locale.json`. */
export interface LocaleFile {
  /** BCP 47 tag, e.g. `zh-CN`: becomes `<html lang>`. */
  lang: string
  /** The language's own name, e.g. `简体中文`: shown in the language switcher. */
  name: string
  dir?: 'ltr' | 'rtl'
  /** Site title and description in this language (default: the English ones). */
  title?: string
  description?: string
  /** The default theme's locale strings (`selectLanguageText`, `notFound`, …). */
  theme?: Record<string, string | string[]>
  search?: { placeholder?: string }
  /** Our components' and notices' strings, shaped like `components/i18n/en.ts`. */
  ui?: Record<string, unknown>
}

export interface LocaleFileCheck {
  /** Problems that make the file unusable, each naming the file and the field. */
  errors: string[]
  /** UI keys the file lacks (they fall back to English). */
  missingUi: string[]
}

/** The default theme's per-locale strings a translator may set (navigation is generated, not set here). */
export const THEME_STRING_KEYS = [
  'selectLanguageText', 'selectLanguageAriaLabel', 'navbarLabel', 'pageNavbarLabel', 'repoLabel',
  'editLinkText', 'lastUpdatedText', 'contributorsText', 'tip', 'warning', 'danger', 'important', 'note',
  'backToHome', 'openInNewWindow', 'toggleColorMode', 'toggleSidebar', 'prev', 'next',
] as const
const THEME_LIST_KEYS = ['notFound'] as const
const TOP_KEYS = ['lang', 'name', 'dir', 'title', 'description', 'theme', 'search', 'ui']

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
// BCP 47 in its common shapes: language, optional script, region or variant (`zh-CN`, `zh-Hant-TW`, `pt-BR`).
const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-[A-Za-z0-9]{5,8})*$/

/** Checks parsed `locale.json` data; `file` is how errors name it (a path relative to the repository). */
export function checkLocaleFile(data: unknown, file: string, english: UiTree): LocaleFileCheck {
  const errors: string[] = []
  const err = (field: string, msg: string) => errors.push(`${file}: field "${field}" ${msg}`)
  if (!isObject(data)) return { errors: [`${file}: must be a JSON object`], missingUi: [] }
  for (const key of Object.keys(data)) if (!TOP_KEYS.includes(key)) err(key, `is not a known field (known: ${TOP_KEYS.join(', ')})`)
  if (typeof data.lang !== 'string' || !data.lang) err('lang', 'is required: a language tag such as "zh-CN"')
  else if (!LANG_TAG.test(data.lang)) err('lang', `must be a language tag such as "zh-CN", got ${JSON.stringify(data.lang)}`)
  if (typeof data.name !== 'string' || !data.name.trim()) err('name', 'is required: the language\'s own name, such as "简体中文"')
  if (data.dir !== undefined && data.dir !== 'ltr' && data.dir !== 'rtl') err('dir', `must be "ltr" or "rtl", got ${JSON.stringify(data.dir)}`)
  for (const key of ['title', 'description'] as const)
    if (data[key] !== undefined && typeof data[key] !== 'string') err(key, 'must be a string')
  if (data.theme !== undefined) {
    if (!isObject(data.theme)) err('theme', 'must be an object of the theme\'s strings')
    else for (const [key, value] of Object.entries(data.theme)) {
      if ((THEME_LIST_KEYS as readonly string[]).includes(key)) {
        if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) err(`theme.${key}`, 'must be an array of strings')
      } else if (!(THEME_STRING_KEYS as readonly string[]).includes(key)) err(`theme.${key}`, 'is not a theme string this site uses')
      else if (typeof value !== 'string') err(`theme.${key}`, 'must be a string')
    }
  }
  if (data.search !== undefined) {
    if (!isObject(data.search)) err('search', 'must be an object such as { "placeholder": "…" }')
    else for (const [key, value] of Object.entries(data.search)) {
      if (key !== 'placeholder') err(`search.${key}`, 'is not a known field (known: placeholder)')
      else if (typeof value !== 'string') err('search.placeholder', 'must be a string')
    }
  }
  let missingUi: string[] = []
  if (data.ui !== undefined && !isObject(data.ui)) err('ui', 'must be an object shaped like components/i18n/en.ts')
  else {
    const ui = checkUi(english, data.ui ?? {})
    for (const key of ui.unknown) err(`ui.${key}`, 'is not a key of components/i18n/en.ts')
    for (const key of ui.wrongType) err(`ui.${key}`, 'has the wrong type (compare components/i18n/en.ts)')
    missingUi = ui.missing
  }
  return { errors, missingUi }
}

/** Parses and checks a locale.json's text; JSON syntax errors name the file too. */
export function parseLocaleFile(text: string, file: string, english: UiTree): LocaleFileCheck & { data: LocaleFile | null } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { data: null, errors: [`${file}: is not valid JSON (${(e as Error).message})`], missingUi: [] }
  }
  const check = checkLocaleFile(data, file, english)
  return { ...check, data: check.errors.length ? null : (data as LocaleFile) }
}
