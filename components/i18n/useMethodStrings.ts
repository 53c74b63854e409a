/**
 * A method's summary and param descriptions in the page's language, from `locales/<dir>/reference.json`
 * (the strings the RPC reference pages use), string by string over the catalog's English.
 *
 * Translations load on demand (see methodTexts.ts): nothing on English pages, one chunk per locale
 * elsewhere, never in the main chunk or a page chunk. The server render and the first client render
 * show English; the translation is applied after mount, so hydration always matches.
 */
import { onMounted, shallowRef } from 'vue'
import { useRouteLocale, useSiteData } from 'vuepress/client'
import type { MethodSpec } from '../../protocol/catalog.ts'
import type { MethodTexts } from './methodTexts.ts'

export interface MethodStrings {
  /** The method's one-line summary. */
  summary(spec: MethodSpec): string
  /** A param's description; English when the translation lacks it. */
  param(spec: MethodSpec, name: string): string
}

const pick = (translated: unknown, english: string): string =>
  typeof translated === 'string' && translated.trim() !== '' ? translated : english

/** Strings from a locale's method table laid over the catalog (`null`: all English). */
export function methodStringsFrom(texts: MethodTexts | null): MethodStrings {
  return {
    summary: (spec) => pick(texts?.[spec.name]?.summary, spec.summary),
    param: (spec, name) => pick(texts?.[spec.name]?.params?.[name], spec.params.find((p) => p.name === name)?.summary ?? ''),
  }
}

/**
 * Method strings for the current route's locale: English until mounted and loaded. Reactive in
 * templates. Read once per mount: a page in another locale is another page, so its components remount.
 */
export function useMethodStrings(): MethodStrings {
  const prefix = useRouteLocale()
  const site = useSiteData()
  const texts = shallowRef<MethodTexts | null>(null)
  onMounted(() => {
    const p = prefix.value
    // A failed load keeps English.
    if (p !== '/') import('./methodTexts.ts').then((m) => m.loadMethodTexts(p, Object.keys(site.value.locales))).then((t) => { texts.value = t }, () => {})
  })
  return {
    summary: (spec) => methodStringsFrom(texts.value).summary(spec),
    param: (spec, name) => methodStringsFrom(texts.value).param(spec, name),
  }
}
