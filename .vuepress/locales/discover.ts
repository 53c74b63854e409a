import fs from 'node:fs'
import path from 'node:path'
import type { SiteLocaleConfig } from 'vuepress/shared'

/** What a translator writes in `locales/<dir>/locale.json`. */
export interface LocaleFile {
  lang: string
  name: string
  dir?: 'ltr' | 'rtl'
  theme?: Record<string, unknown>
  search?: { placeholder?: string }
}

export interface DiscoveredLocales {
  site: SiteLocaleConfig
  theme: Record<string, Record<string, unknown>>
  search: Record<string, { placeholder: string }>
}

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Every `locales/<dir>/locale.json` becomes a site, theme and search locale; English is `/`. */
export function discoverLocales(root = ROOT): DiscoveredLocales {
  const site: SiteLocaleConfig = { '/': { lang: 'en-US', title: 'Komodo Journeys' } }
  const theme: DiscoveredLocales['theme'] = { '/': { selectLanguageName: 'English' } }
  const search: DiscoveredLocales['search'] = { '/': { placeholder: 'Search' } }
  const dir = path.join(root, 'locales')
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const file = path.join(dir, name, 'locale.json')
    if (!fs.existsSync(file)) continue
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as LocaleFile
    const prefix = `/${name}/`
    site[prefix] = { lang: data.lang, title: 'Komodo Journeys' }
    theme[prefix] = { selectLanguageName: data.name, ...data.theme }
    search[prefix] = { placeholder: data.search?.placeholder ?? 'Search' }
  }
  return { site, theme, search }
}
