import type { App } from 'vuepress/core'

/**
 * Splits what a plugin wrote for every locale into one temp module per locale, `internal/<folder>/<prefix>-<locale>.js`,
 * each default-exporting its locale's data, and returns the lines of a `loaders` table (locale → dynamic import)
 * for the module that replaces the plugin's own. searchByLocale and themeDataByLocale both split this way, so a
 * page's first load carries one locale's data instead of all of them.
 */
export async function writeLocaleChunks(app: App, folder: string, prefix: string, byLocale: Iterable<[string, unknown]>): Promise<string> {
  const loaders: string[] = []
  for (const [locale, data] of byLocale) {
    const file = `${folder}/${prefix}-${locale.replace(/[^\w-]+/g, '') || 'root'}.js`
    await app.writeTemp(`internal/${file}`, `export default ${JSON.stringify(data)}\n`)
    loaders.push(`  ${JSON.stringify(locale)}: () => import(${JSON.stringify(`./${file}`)}),`)
  }
  return loaders.join('\n')
}
