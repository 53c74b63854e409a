/**
 * A method's summary and param descriptions in the page's language, from `locales/<dir>/reference.json`
 * (the same strings the RPC reference pages use), string by string over the catalog's English.
 *
 * Each locale's file is its own lazy chunk, fetched only when a page in that locale renders a
 * component that asks, so no translation ever weighs on the main chunk, a page chunk, or English pages.
 * The server render and the first client render show English; the translation is applied once the
 * component is mounted, so hydration always matches.
 */
import { onMounted, shallowRef, watch, type ShallowRef } from 'vue'
import { useRouteLocale, useSiteData } from 'vuepress/client'
import type { MethodSpec } from '../../rpc/catalog.ts'

/** The part of `reference.json` this reads (see `.vuepress/reference/strings.ts` for the whole file). */
export interface MethodTexts {
  [method: string]: { summary?: string; params?: Record<string, string> } | undefined
}

export type MethodTextLoader = () => Promise<MethodTexts | undefined>

/** Route locale prefix (`/zh/`) → loader of that locale's `methods` table. */
export function loadersFromGlob(files: Record<string, () => Promise<unknown>>): Record<string, MethodTextLoader> {
  const out: Record<string, MethodTextLoader> = {}
  for (const [file, load] of Object.entries(files)) {
    const dir = /\/locales\/([^/]+)\/reference\.json$/.exec(file)?.[1]
    if (dir) out[`/${dir}/`] = async () => (await load()) as MethodTexts | undefined
  }
  return out
}

// `import: 'methods'` keeps only the method table in reach; labels and categories are for the reference pages.
let loaders = loadersFromGlob(import.meta.glob('../../locales/*/reference.json', { import: 'methods' }))
const cache = new Map<string, Promise<MethodTexts | null>>()

/** Tests swap the glob for stubs; returns the previous loaders. */
export function setMethodTextLoaders(next: Record<string, MethodTextLoader>): Record<string, MethodTextLoader> {
  const prev = loaders
  loaders = next
  cache.clear()
  return prev
}

/**
 * A locale's method texts, loaded once and shared by every component on the page. `null` for English,
 * for a prefix that is not a site locale (a reference.json without a locale.json never is), and when
 * the chunk fails to load: the reader then simply keeps English.
 */
export function loadMethodTexts(prefix: string, siteLocales: readonly string[]): Promise<MethodTexts | null> {
  const load = loaders[prefix]
  if (prefix === '/' || !load || !siteLocales.includes(prefix)) return Promise.resolve(null)
  let p = cache.get(prefix)
  if (!p) {
    p = load().then((m) => (m && typeof m === 'object' ? m : null), () => null)
    cache.set(prefix, p)
  }
  return p
}

const pick = (translated: unknown, english: string): string =>
  typeof translated === 'string' && translated.trim() !== '' ? translated : english

export interface MethodStrings {
  /** The method's one-line summary. */
  summary(spec: MethodSpec): string
  /** A param's description; English when the translation lacks it. */
  param(spec: MethodSpec, name: string): string
}

export function methodStringsFrom(texts: MethodTexts | null): MethodStrings {
  return {
    summary: (spec) => pick(texts?.[spec.name]?.summary, spec.summary),
    param: (spec, name) => pick(texts?.[spec.name]?.params?.[name], spec.params.find((p) => p.name === name)?.summary ?? ''),
  }
}

const english = methodStringsFrom(null)

/** Method strings for the current route's locale: English until mounted and loaded. */
export function useMethodStrings(): ShallowRef<MethodStrings> {
  const routeLocale = useRouteLocale()
  const site = useSiteData()
  const strings = shallowRef<MethodStrings>(english)
  let mounted = false
  const apply = async (prefix: string): Promise<void> => {
    const texts = await loadMethodTexts(prefix, Object.keys(site.value.locales ?? {}))
    // A later locale change may have overtaken this load.
    if (mounted && routeLocale.value === prefix) strings.value = texts ? methodStringsFrom(texts) : english
  }
  onMounted(() => {
    mounted = true
    void apply(routeLocale.value)
  })
  watch(routeLocale, (prefix) => { if (mounted) void apply(prefix) })
  return strings
}
