/**
 * A locale's UI strings (`locales/<dir>/locale.json`, key `ui`) as the three parts the client loads apart:
 * - `?kj-ui=core`: the keys of components/i18n/en.ts, which a translated page needs before it renders;
 * - `?kj-ui=widgets`: those of them only some lazy islands read (components/i18n/widgetUi.ts), which wait
 *   for the first such island;
 * - `?kj-ui=modules`: the CC modules' panel strings, which wait for the first panel the reader nears.
 * A translated journey's first load then carries none of the modules' strings (≈3 KB gzip per locale),
 * nor the widgets' (≈0.6 KB).
 */
import fs from 'node:fs'
import type { Plugin } from 'vite'
import { en } from '../../components/i18n/en.ts'
import { WIDGET_KEYS } from '../../components/i18n/widgetUi.ts'

const PART = /locale\.json\?kj-ui=(core|widgets|modules)$/
/** Resolved to an id of our own that does not end in `.json`, so no JSON plugin (Vite's, or Vitest's) claims it. */
const PREFIX = '\0kj-locale-ui:'

/** Strings only the build reads (the sidebar's untranslated marks, the status page): no page's script needs them. */
const BUILD_ONLY = { i18n: ['sidebar', 'status'] } as const

export type UiPart = 'core' | 'widgets' | 'modules'

const partOf = (key: string): UiPart => (!Object.hasOwn(en, key) ? 'modules' : (WIDGET_KEYS as readonly string[]).includes(key) ? 'widgets' : 'core')

/** The part of a `ui` object: the core keys but the widgets', the widgets', or every other key (the modules'). */
export function uiPart(ui: Record<string, unknown> | undefined, part: UiPart): Record<string, unknown> {
  const out = Object.fromEntries(Object.entries(ui ?? {}).filter(([key]) => partOf(key) === part))
  for (const [key, drop] of Object.entries(BUILD_ONLY)) {
    const section = out[key]
    if (section && typeof section === 'object') out[key] = Object.fromEntries(Object.entries(section).filter(([k]) => !(drop as readonly string[]).includes(k)))
  }
  return out
}

export function localeUiParts(): Plugin {
  return {
    name: 'komodo-journeys:locale-ui-parts',
    enforce: 'pre',
    // Hook filters: the bundler calls these only for their own ids, not across to JavaScript for every module.
    resolveId: {
      filter: { id: PART },
      async handler(source, importer) {
        const part = PART.exec(source)?.[1]
        if (!part) return null
        const file = await this.resolve(source.slice(0, source.lastIndexOf('?')), importer, { skipSelf: true })
        return file && `${PREFIX}${file.id}:${part}`
      },
    },
    load: {
      filter: { id: new RegExp(`^${PREFIX}`) },
      handler(id) {
        if (!id.startsWith(PREFIX)) return null
        const file = id.slice(PREFIX.length, id.lastIndexOf(':'))
        const part = id.slice(id.lastIndexOf(':') + 1) as UiPart
        this.addWatchFile(file)
        const { ui } = JSON.parse(fs.readFileSync(file, 'utf8')) as { ui?: Record<string, unknown> }
        return `export default ${JSON.stringify(uiPart(ui, part))}`
      },
    },
  }
}
