/**
 * The UI strings of each site locale, loaded per locale instead of travelling in the site data: an
 * English page carries English only (it is in the main chunk, every locale falls back to it), a
 * translated page loads its locale's `"ui"` from `locales/<dir>/locale.json` as one small chunk.
 *
 * The router waits for that chunk before it resolves a route of the locale (see `.vuepress/client.ts`),
 * on the server as on the client, so the server render, hydration and later navigations all see the
 * translated strings: no English flash, no hydration mismatch.
 */
import { shallowReactive } from 'vue'
import { en, type UiStrings } from './en.ts'
import { overlayUi } from './overlayUi.ts'

export type UiLoader = () => Promise<unknown>

/** Route locale prefix (`/zh/`) → loader of that locale's `ui` object. */
export function uiLoadersFromGlob(files: Record<string, () => Promise<unknown>>): Record<string, UiLoader> {
  const out: Record<string, UiLoader> = {}
  for (const [file, load] of Object.entries(files)) {
    const dir = /\/locales\/([^/]+)\/locale\.json$/.exec(file)?.[1]
    if (dir) out[`/${dir}/`] = load
  }
  return out
}

// `import: 'ui'` keeps the theme's labels and the rest of locale.json (already in the theme data) out of each chunk.
let loaders = uiLoadersFromGlob(import.meta.glob('../../locales/*/locale.json', { import: 'ui' }))
/** Merged strings of the locales loaded so far; reactive so a component reading a locale sees it arrive. */
const loaded = shallowReactive(new Map<string, UiStrings>())
/** Each loaded locale's `ui` as given, for module strings laid over their own English (useUiStrings). */
const translations = new Map<string, unknown>()
const pending = new Map<string, Promise<void>>()

/** Tests swap the glob for stubs; returns the previous loaders and forgets what was loaded. */
export function setUiLoaders(next: Record<string, UiLoader>): Record<string, UiLoader> {
  const prev = loaders
  loaders = next
  loaded.clear()
  translations.clear()
  pending.clear()
  return prev
}

/**
 * Loads a locale's strings once. Resolves (never rejects) when they are there, at once for English or a
 * prefix without a locale file; a failed load leaves that locale in English and is retried next time.
 */
export function ensureUiStrings(prefix: string): Promise<void> {
  const load = loaders[prefix]
  if (prefix === '/' || !load || loaded.has(prefix)) return Promise.resolve()
  let p = pending.get(prefix)
  if (!p) {
    p = load().then(
      (ui) => {
        translations.set(prefix, ui)
        loaded.set(prefix, overlayUi(en, ui))
      },
      () => {},
    ).finally(() => pending.delete(prefix))
    pending.set(prefix, p)
  }
  return p
}

/** The strings of a locale: English until (and unless) its translation has loaded. */
export function uiStringsFor(prefix: string): UiStrings {
  return loaded.get(prefix) ?? en
}

/** A locale's `ui` object as loaded (undefined for English or before it loads). */
export function uiTranslationFor(prefix: string): unknown {
  return loaded.has(prefix) ? translations.get(prefix) : undefined
}
