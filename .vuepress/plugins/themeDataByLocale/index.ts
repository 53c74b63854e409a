import fs from 'node:fs/promises'
import type { Plugin } from 'vuepress/core'
import { path } from 'vuepress/utils'
import { writeLocaleChunks } from '../localeChunks.ts'

const THEME_MODULE = 'internal/themeData.js'
const PREFIX = 'export const themeData = JSON.parse('

/** What every page keeps of each locale: the language menu lists them all by name. */
const EVERY_PAGE = ['selectLanguageName']

/**
 * The theme's locale data (navbar, sidebar and labels), one chunk per locale, loaded before a route of that
 * locale resolves.
 *
 * @vuepress/plugin-theme-data writes every locale's data into one module that the main chunk imports, so each
 * page paid for four sidebars (about 3 KB gzip of its first load). Listed after the theme, this plugin rewrites
 * that module on `vuepress build`: `themeData` keeps the site-wide options and each locale's name, and
 * `ensureThemeLocale(locale)` fills in the rest of a locale from its chunk. The client config here awaits it in
 * `router.beforeResolve`, so the server render, hydration and navigation see the same data. The theme reads the
 * locale through a computed over the route's locale, which re-reads after the route changes, by when the chunk
 * is in. `vuepress dev` keeps the plugin's own module (every locale, updated live).
 */
export const themeDataByLocalePlugin = (): Plugin => ({
  name: 'komodo-journeys:theme-data-by-locale',
  clientConfigFile: path.resolve(import.meta.dirname, 'client.ts'),
  async onPrepared(app) {
    if (!app.env.isBuild) return
    const written = await fs.readFile(app.dir.temp(THEME_MODULE), 'utf8')
    const end = written.lastIndexOf(')')
    if (!written.startsWith(PREFIX) || end < PREFIX.length)
      throw new Error(`${THEME_MODULE} no longer starts with "${PREFIX}": @vuepress/plugin-theme-data changed its module`)
    const themeData = JSON.parse(JSON.parse(written.slice(PREFIX.length, end)) as string) as { locales?: Record<string, Record<string, unknown>> }
    const locales = Object.entries(themeData.locales ?? {})
    const kept = Object.fromEntries(locales.map(([locale, data]) => [locale, Object.fromEntries(EVERY_PAGE.filter((k) => k in data).map((k) => [k, data[k]]))]))
    const rest = locales.map(([locale, data]): [string, unknown] => [locale, Object.fromEntries(Object.entries(data).filter(([k]) => !EVERY_PAGE.includes(k)))])
    const loaders = await writeLocaleChunks(app, 'themeData', 'locale', rest)
    await app.writeTemp(THEME_MODULE, `export const themeData = JSON.parse(${JSON.stringify(JSON.stringify({ ...themeData, locales: kept }))})

const loaders = {
${loaders}
}
const pending = {}

export function ensureThemeLocale(locale) {
  const load = loaders[locale]
  if (!load) return undefined
  pending[locale] ??= load().then((m) => { Object.assign(themeData.locales[locale], m.default) }, (e) => { delete pending[locale]; throw e })
  return pending[locale]
}
`)
  },
})
