import fs from 'node:fs'
import path from 'node:path'
import { preparePageChunk, prepareRoutes, type App, type Page, type Plugin } from 'vuepress/core'
import { logger } from 'vuepress/utils'
import { discoverLocales, LocaleConfigError, type LocaleInfo } from '../../locales/discover.ts'
import { staleTranslations, syncFallbacks } from './i18nPages.ts'
import { writeNavigation, type NavigationPluginOptions } from './navigation.ts'
import { restOf } from './pageI18n.ts'
import { createStatusPages, isStatusPage } from './statusPage.ts'

export interface I18nLiveUpdatePluginOptions extends NavigationPluginOptions {
  /** The locales the dev server started with (not English). */
  locales: LocaleInfo[]
  /**
   * Quiet time after the last file event before the pages are refreshed, in ms: an editor's save, a
   * `git checkout` or a stamp touches several files at once.
   * @default 100
   */
  debounceMs?: number
}

/** The part of the Vite dev server this plugin talks to: its HMR socket, for the error overlay. */
interface ViteWs {
  send(payload: { type: 'error'; err: { message: string; stack: string; id?: string; plugin?: string } }): void
  on(event: 'connection', fn: () => void): void
}

const LOCALE_FILE = /^([^/\\]+)[/\\]locale\.json$/

/** What the running site was made from, per locale folder: a changed fingerprint means a new site config. */
const fingerprint = (list: LocaleInfo[]): string => JSON.stringify(list.map((l) => [l.dir, l.data]))

/**
 * `vuepress dev` keeps what this site derives from its files in step with them, with no restart:
 *
 * - VuePress itself re-reads a page whose file is added, changed or removed. Everything we build from the set of
 *   pages follows here, in `onPageUpdated`: fallback pages (an English page added, renamed or edited; a
 *   translation added or deleted), translations' outdated state (an English edit, a stamp), the status pages,
 *   and the sidebar and navbar of every locale (titles, `order`), written back through the theme-data plugin so
 *   open pages update by HMR; the search index too, through the search plugin.
 * - A locale is configuration (site, theme and search locales, the client's string tables), which VuePress reads
 *   once at start. When a `locales/<dir>/locale.json` appears, changes or goes, the file is checked first: a
 *   broken one is reported (the build's own message, file and field) in the terminal and on the browser's error
 *   overlay, and the running site stays as it was; a valid change restarts the dev server, saying so.
 */
export const i18nLiveUpdatePlugin = (options: I18nLiveUpdatePluginOptions): Plugin => {
  const { locales, debounceMs = 100 } = options
  let ws: ViteWs | null = null
  let overlay: string | null = null
  const showOverlay = () => {
    if (overlay) ws?.send({ type: 'error', err: { message: overlay, stack: '', plugin: 'komodo-journeys:i18n' } })
  }

  // One refresh at a time, after a quiet spell; English sources edited meanwhile are remade in that refresh.
  const editedEnglish = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const schedule = (app: App) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      const edited = new Set(editedEnglish)
      editedEnglish.clear()
      running = running
        .then(() => refreshPages(app, options, edited))
        .catch((e: unknown) => logger.error(`[i18n] could not refresh the pages: ${e instanceof Error ? e.stack : String(e)}`))
    }, debounceMs)
  }

  return {
    name: 'komodo-journeys:i18n-live-update',
    extendsBundlerOptions(bundlerOptions: { viteOptions?: { plugins?: unknown[] } }, app) {
      if (!app.env.isDev) return
      bundlerOptions.viteOptions ??= {}
      bundlerOptions.viteOptions.plugins = [
        ...(bundlerOptions.viteOptions.plugins ?? []),
        {
          name: 'komodo-journeys:i18n-overlay',
          configureServer(server: { ws: ViteWs }) {
            ws = server.ws
            // A page opened after the error was found shows it too.
            ws.on('connection', () => setTimeout(showOverlay, 50))
          },
        },
      ]
    },
    onPageUpdated(app, _type, page, oldPage) {
      const sources = [page, oldPage].map((p) => p?.filePathRelative).filter((f): f is string => !!f && !!restOf(f))
      if (!sources.length) return
      for (const source of sources) if (restOf(source)!.dir === null) editedEnglish.add(source)
      schedule(app)
    },
    onWatched(app, watchers, restart) {
      const base = app.dir.source('locales')
      if (!fs.existsSync(base)) return
      const started = fingerprint(locales)
      let pending: NodeJS.Timeout | undefined
      const check = () => {
        const found = discoverLocales(app.dir.source(), { strict: false })
        if (found.errors.length) {
          overlay = new LocaleConfigError(found.errors).message
          logger.error(`${overlay}\nThe dev server keeps serving the site as it was; fix the file and it comes back by itself.`)
          showOverlay()
          return
        }
        overlay = null
        if (fingerprint(found.list) === started) return
        const before = new Set(locales.map((l) => l.dir))
        const after = new Set(found.list.map((l) => l.dir))
        const added = [...after].filter((d) => !before.has(d))
        const removed = [...before].filter((d) => !after.has(d))
        const what = [
          ...added.map((d) => `locales/${d}/ added`),
          ...removed.map((d) => `locales/${d}/ removed`),
          ...(added.length || removed.length ? [] : ['a locale.json changed']),
        ].join(', ')
        logger.info(`[i18n] ${what}: restarting the dev server, since a locale is site configuration (routes, language switcher, search, strings)`)
        watcher.close()
        restart()
      }
      const watcher = fs.watch(base, { recursive: true }, (_event, name) => {
        if (!name || !LOCALE_FILE.test(name.split(path.sep).join('/'))) return
        clearTimeout(pending)
        pending = setTimeout(check, debounceMs)
      })
      watchers.push({ close: () => (clearTimeout(pending), watcher.close()) })
    },
  }
}

/** Fallbacks, translation states, status pages and navigation, from the pages as VuePress now holds them. */
async function refreshPages(app: App, options: I18nLiveUpdatePluginOptions, editedEnglish: ReadonlySet<string>): Promise<void> {
  // English pages still present; a removed one takes its fallbacks with it in syncFallbacks.
  const edited = new Set([...editedEnglish].filter((f) => fs.existsSync(app.dir.source(f))))
  const { written } = await syncFallbacks(app, options.locales, edited)
  // A translation is compiled from its file, so Vite holds its data until the file changes: touching it makes
  // VuePress read it again (extendsPage finds the new state) and Vite reload it. Its content is left as it is.
  const now = new Date()
  for (const page of staleTranslations(app)) fs.utimesSync(page.filePath!, now, now)
  const status = await createStatusPages(app, options.locales)
  app.pages.splice(0, app.pages.length, ...app.pages.filter((p) => !isStatusPage(p)), ...status)
  writeNavigation(app, options)
  const chunks: Page[] = [...written, ...status]
  for (const page of chunks) await preparePageChunk(app, page)
  await prepareRoutes(app)
  // The theme's data (navbar and sidebar of every locale) and the search index are written by their plugins; ask
  // them to write them again. The search plugin's own watcher looks for `.js` page chunks, which VuePress no
  // longer writes (they are `.vue`), so without this search would not see a page until a restart.
  for (const name of ['@vuepress/plugin-theme-data', '@vuepress/plugin-search'])
    await app.pluginApi.plugins.find((p) => p.name === name)?.onPrepared?.(app)
}
