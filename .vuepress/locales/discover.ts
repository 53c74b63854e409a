import fs from 'node:fs'
import path from 'node:path'
import type { SiteLocaleConfig } from 'vuepress/shared'
import { englishUi as en, type EnglishUi as UiStrings } from '../../components/i18n/englishUi.ts'
import { parseLocaleFile, type LocaleFile } from './localeFile.ts'
import { overlayUi } from '../../components/i18n/overlayUi.ts'
import type { Translated } from './uiStrings.ts'

/** A locale's UI strings: English's keys, any language. */
export type LocaleUi = Translated<UiStrings>

export type { LocaleFile } from './localeFile.ts'

/** One translation folder, checked. */
export interface LocaleInfo {
  /** Folder name under `locales/`, e.g. `zh`; the route prefix is `/<dir>/`. */
  dir: string
  prefix: string
  /** `locales/<dir>/locale.json`, relative to the repository root. */
  file: string
  data: LocaleFile
  /** UI keys the file lacks (shown in English, reported by `i18n:status`). */
  missingUi: string[]
  /** English UI strings with this locale's laid over them: what the client reads. */
  ui: LocaleUi
}

export interface DiscoveredLocales {
  site: SiteLocaleConfig
  theme: Record<string, Record<string, unknown>>
  search: Record<string, { placeholder: string }>
  list: LocaleInfo[]
  /** Every problem found, each naming the file and the field (empty when all files are valid). */
  errors: string[]
}

export class LocaleConfigError extends Error {
  constructor(readonly errors: string[]) {
    super(`Invalid locale configuration:\n  ${errors.join('\n  ')}`)
    this.name = 'LocaleConfigError'
  }
}

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const SITE_TITLE = 'Komodo Journeys'
export const SITE_DESCRIPTION = 'Developer journeys for Komodo Smart Chains, run live against a chain.'

/**
 * Every `locales/<dir>/locale.json` becomes a site, theme and search locale; English is `/`.
 * With `strict` (the default, used by the site build) any invalid file throws a LocaleConfigError listing all
 * problems; `i18n:status` passes `strict: false` to report them alongside everything else.
 */
export function discoverLocales(root = ROOT, { strict = true } = {}): DiscoveredLocales {
  const site: SiteLocaleConfig = {
    '/': { lang: 'en-US', title: SITE_TITLE, description: SITE_DESCRIPTION, dir: 'ltr' } as SiteLocaleConfig[string],
  }
  const theme: DiscoveredLocales['theme'] = { '/': { selectLanguageName: 'English' } }
  const search: DiscoveredLocales['search'] = { '/': { placeholder: 'Search' } }
  const list: LocaleInfo[] = []
  const errors: string[] = []
  const base = path.join(root, 'locales')
  const dirs = fs.existsSync(base) ? fs.readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory()) : []
  for (const dir of dirs.map((d) => d.name).sort()) {
    const file = path.join(base, dir, 'locale.json')
    if (!fs.existsSync(file)) continue
    const rel = path.relative(root, file).split(path.sep).join('/')
    if (!/^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test(dir)) {
      errors.push(`${rel}: folder name "${dir}" must be a lowercase language code such as "zh" or "pt-br" (it becomes the URL prefix)`)
      continue
    }
    const parsed = parseLocaleFile(fs.readFileSync(file, 'utf8'), rel, en)
    errors.push(...parsed.errors)
    if (!parsed.data) continue
    const data = parsed.data
    const prefix = `/${dir}/`
    const ui: LocaleUi = overlayUi(en, data.ui)
    list.push({ dir, prefix, file: rel, data, missingUi: parsed.missingUi, ui })
    // `dir` rides along in the site locale (the client reads it with useSiteLocaleData()). The UI strings do
    // not: the client loads them per locale (components/i18n/localeUi.ts), the site data is in every page's JS.
    site[prefix] = {
      lang: data.lang,
      title: data.title ?? SITE_TITLE,
      description: data.description ?? SITE_DESCRIPTION,
      dir: data.dir ?? 'ltr',
    } as SiteLocaleConfig[string]
    theme[prefix] = { ...data.theme, selectLanguageName: data.name }
    search[prefix] = { placeholder: data.search?.placeholder ?? 'Search' }
  }
  if (strict && errors.length) throw new LocaleConfigError(errors)
  return { site, theme, search, list, errors }
}
