/**
 * The UI strings of each site locale, loaded per locale instead of travelling in the site data: an
 * English page carries English only (it is in the main chunk, every locale falls back to it), a
 * translated page loads its locale's `"ui"` from `locales/<dir>/locale.json` as small chunks.
 *
 * The router waits for the core strings before it resolves a route of the locale, a widget island
 * (widgetUi.ts) for the widgets' strings and a module's panel for the module strings before it hydrates
 * (see `.vuepress/client.ts`); the server render has them all.
 * So the server render, hydration and later navigations all see the translated strings: no English
 * flash, no hydration mismatch.
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

// Each locale's `ui` in three parts (.vuepress/bundler/localeUiParts.ts): the core components' strings, needed
// before a page renders; the widgets' (widgetUi.ts), which wait for the first widget island; and the modules'
// panel strings, which wait for the first panel. None carries the theme's labels.
let loaders = uiLoadersFromGlob(import.meta.glob('../../locales/*/locale.json', { query: '?kj-ui=core', import: 'default' }))
let widgetLoaders = uiLoadersFromGlob(import.meta.glob('../../locales/*/locale.json', { query: '?kj-ui=widgets', import: 'default' }))
let moduleLoaders = uiLoadersFromGlob(import.meta.glob('../../locales/*/locale.json', { query: '?kj-ui=modules', import: 'default' }))
/** Merged strings of the locales loaded so far; reactive so a component reading a locale sees it arrive. */
const loaded = shallowReactive(new Map<string, UiStrings>())
/** Each loaded locale's core `ui` as given, for module strings laid over their own English (useUiStrings). */
const translations = new Map<string, unknown>()
/** Each loaded locale's widget strings as given. */
const widgetTranslations = new Map<string, unknown>()
/** Each locale's module strings as given, once loaded; reactive so a panel sees them arrive. */
const moduleTranslations = shallowReactive(new Map<string, unknown>())
const pending = new Map<string, Promise<void>>()

/** Tests swap the globs for stubs; returns the previous core loaders and forgets what was loaded. */
export function setUiLoaders(next: Record<string, UiLoader>, nextModules: Record<string, UiLoader> = {}, nextWidgets: Record<string, UiLoader> = {}): Record<string, UiLoader> {
  const prev = loaders
  loaders = next
  moduleLoaders = nextModules
  widgetLoaders = nextWidgets
  loaded.clear()
  translations.clear()
  widgetTranslations.clear()
  moduleTranslations.clear()
  pending.clear()
  return prev
}

/** Runs `load` once per key at a time; a failure is forgotten, so the next call tries again. */
function once(key: string, load: () => Promise<void>): Promise<void> {
  let p = pending.get(key)
  if (!p) {
    p = load().finally(() => pending.delete(key))
    pending.set(key, p)
  }
  return p
}

/**
 * Loads one part of a locale's strings once into `into`, then calls `then`. Resolves (never rejects) when they
 * are there, at once for English or a prefix without that part; a failed load leaves the part in English and
 * is retried next time.
 */
function ensurePart(part: string, load: UiLoader | undefined, into: Map<string, unknown>, prefix: string, then?: () => void): Promise<void> {
  if (prefix === '/' || !load || into.has(prefix)) return Promise.resolve()
  return once(`${part} ${prefix}`, () => load().then((ui) => {
    into.set(prefix, ui)
    then?.()
  }, () => {}))
}

/** Loads a locale's core strings once (the router waits for them before it resolves a route of the locale). */
export function ensureUiStrings(prefix: string): Promise<void> {
  return ensurePart('core', loaders[prefix], translations, prefix, () => merge(prefix))
}

/** Loads a locale's widget strings once (a widget island waits for them before it hydrates). */
export function ensureWidgetUi(prefix: string): Promise<void> {
  return ensurePart('widgets', widgetLoaders[prefix], widgetTranslations, prefix, () => merge(prefix))
}

/** The locale's strings as loaded so far, core and widgets, over English (whichever part comes first). */
function merge(prefix: string): void {
  loaded.set(prefix, overlayUi(en, { ...(translations.get(prefix) as object | undefined), ...(widgetTranslations.get(prefix) as object | undefined) }))
}

/** Loads a locale's module strings once (a panel waits for them before it hydrates). */
export function ensureModuleUi(prefix: string): Promise<void> {
  return ensurePart('modules', moduleLoaders[prefix], moduleTranslations, prefix)
}

/** Every locale's widget and module strings: the server render has them all before it renders a page. */
export function ensureAllLazyUi(): Promise<void> {
  return Promise.all([...Object.keys(widgetLoaders).map(ensureWidgetUi), ...Object.keys(moduleLoaders).map(ensureModuleUi)]).then(() => {})
}

/** The strings of a locale: English until (and unless) its translation has loaded. */
export function uiStringsFor(prefix: string): UiStrings {
  return loaded.get(prefix) ?? en
}

/** A locale's `ui` object as loaded so far, core, widget and module strings (undefined for English or before any loads). */
export function uiTranslationFor(prefix: string): unknown {
  const parts = [translations.get(prefix), widgetTranslations.get(prefix), moduleTranslations.get(prefix)].filter((p) => p !== undefined)
  return parts.length ? Object.assign({}, ...parts) : undefined
}
