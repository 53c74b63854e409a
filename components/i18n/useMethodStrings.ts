/**
 * A method's summary and param descriptions in the page's language, from `locales/<dir>/reference.json`
 * (the strings the RPC reference pages use), string by string over the catalog's English.
 *
 * The methods a page runs come translated in its page data (`methodTexts`, put there by the build:
 * .vuepress/plugins/pageMethods.ts), so the server render and hydration already show them. Any other
 * method's text loads on demand after mount (methodTexts.ts: one chunk per locale, never on English pages).
 */
import { onMounted, ref, shallowRef } from 'vue'
import { usePageData, useRouteLocale, useSiteData } from 'vuepress/client'
import type { MethodSpec } from '../../protocol/catalog.ts'
import type { MethodTexts } from './methodTexts.ts'
import { isTranslated } from './isTranslated.ts'

export interface MethodStrings {
  /** The method's one-line summary. */
  summary(spec: MethodSpec): string
  /** A param's description; English when the translation lacks it. */
  param(spec: MethodSpec, name: string): string
}

const pick = (translated: unknown, english: string): string => (isTranslated(translated) ? translated : english)

/** Strings from a locale's method table laid over the catalog (`null`: all English). */
export function methodStringsFrom(texts: MethodTexts | null): MethodStrings {
  return {
    summary: (spec) => pick(texts?.[spec.name]?.summary, spec.summary),
    param: (spec, name) => pick(texts?.[spec.name]?.params?.[name], spec.params.find((p) => p.name === name)?.summary ?? ''),
  }
}

/**
 * Method strings for the current route's locale. Reactive in templates. Read once per mount: a page in
 * another locale is another page, so its components remount.
 */
export function useMethodStrings(): MethodStrings {
  const prefix = useRouteLocale()
  const site = useSiteData()
  const page = usePageData<{ methodSpecs?: Record<string, unknown>; methodTexts?: MethodTexts }>()
  const loaded = shallowRef<MethodTexts | null>(null)
  const mounted = ref(false)
  let asked = false
  onMounted(() => { mounted.value = true })
  const textsFor = (spec: MethodSpec): MethodTexts | null => {
    if (page.value.methodSpecs?.[spec.name]) return page.value.methodTexts ?? null
    // A method the page does not list: English until its locale's table is in (a failed load keeps English).
    if (mounted.value && !asked && prefix.value !== '/') {
      asked = true
      import('./methodTexts.ts').then((m) => m.loadMethodTexts(prefix.value, Object.keys(site.value.locales))).then((t) => { loaded.value = t }, () => {})
    }
    return loaded.value
  }
  return {
    summary: (spec) => methodStringsFrom(textsFor(spec)).summary(spec),
    param: (spec, name) => methodStringsFrom(textsFor(spec)).param(spec, name),
  }
}
