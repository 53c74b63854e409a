import fs from 'node:fs/promises'
import type { Plugin } from 'vuepress/core'
import { writeLocaleChunks } from '../localeChunks.ts'

const SEARCH_MODULE = 'internal/searchIndex.js'
const EXPORT = 'export const SEARCH_INDEX = '
/** The search plugin's hot-update handler reads an export its module does not have (it exports SEARCH_INDEX). */
const BROKEN_ACCEPT = 'import.meta.hot.accept(({ searchIndex }) => {'
const MENDED_ACCEPT = 'import.meta.hot.accept(({ SEARCH_INDEX: searchIndex }) => {'

/**
 * In `vuepress dev`, a page added, renamed or removed rewrites the search module, and Vite hot-updates it. The
 * plugin's handler (rc.28) hands the search box `undefined` instead of the new entries, so search found nothing
 * until a reload. This mends the handler as Vite serves the module; if the plugin's text changes, it says so.
 */
function searchIndexHotFix() {
  let warned = false
  return {
    name: 'komodo-journeys:search-index-hot-fix',
    transform(code: string, id: string) {
      if (!id.endsWith(SEARCH_MODULE)) return null
      if (code.includes(BROKEN_ACCEPT)) return code.replace(BROKEN_ACCEPT, MENDED_ACCEPT)
      if (!warned && !code.includes(MENDED_ACCEPT)) {
        warned = true
        console.warn(`[search-by-locale] ${SEARCH_MODULE}'s hot-update handler changed; check that search follows new pages in dev`)
      }
      return null
    },
  }
}

/**
 * The search index, one chunk per locale, loaded when the reader first focuses the search box.
 *
 * @vuepress/plugin-search writes every locale's index into one module that the main chunk imports, so
 * each page paid for all four languages (~7 KB gzip) before anyone searched. Listed after that plugin,
 * this one rewrites its module on `vuepress build`: `SEARCH_INDEX` becomes a reactive array the search
 * box already reads (it wraps it in a ref and filters by locale), filled with the current locale's
 * entries on first focus; a query typed while they load is answered when they arrive. The entries are
 * the ones the search plugin wrote, read back from its module. `vuepress dev` keeps the plugin's own
 * module (it rewrites it on every change), mended so that its hot update reaches the search box.
 */
export const searchByLocalePlugin = (): Plugin => ({
  name: 'komodo-journeys:search-by-locale',
  extendsBundlerOptions(bundlerOptions: { viteOptions?: { plugins?: unknown[] } }, app) {
    if (!app.env.isDev) return
    bundlerOptions.viteOptions ??= {}
    bundlerOptions.viteOptions.plugins = [...(bundlerOptions.viteOptions.plugins ?? []), searchIndexHotFix()]
  },
  async onPrepared(app) {
    if (!app.env.isBuild) return
    const written = await fs.readFile(app.dir.temp(SEARCH_MODULE), 'utf8')
    if (!written.startsWith(EXPORT))
      throw new Error(`${SEARCH_MODULE} no longer starts with "${EXPORT}": @vuepress/plugin-search changed its module`)
    const byLocale = new Map<string, unknown[]>()
    for (const entry of JSON.parse(written.slice(EXPORT.length)) as { pathLocale: string }[]) {
      const list = byLocale.get(entry.pathLocale)
      if (list) list.push(entry)
      else byLocale.set(entry.pathLocale, [entry])
    }
    const loaders = await writeLocaleChunks(app, 'searchIndex', 'search', byLocale)
    await app.writeTemp(SEARCH_MODULE, `import { reactive } from 'vue'

export const SEARCH_INDEX = reactive([])

const loaders = {
${loaders}
}
const loaded = new Set()

const localeOf = (path) => Object.keys(loaders).filter((l) => path.startsWith(l)).sort((a, b) => b.length - a.length)[0]

export function loadSearchIndex(locale) {
  const load = loaders[locale]
  if (!load || loaded.has(locale)) return
  loaded.add(locale)
  load().then((m) => { SEARCH_INDEX.push(...m.default) }, () => { loaded.delete(locale) })
}

if (typeof document !== 'undefined')
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof Element && e.target.closest('.search-box')) loadSearchIndex(localeOf(location.pathname))
  })
`)
  },
})
