/**
 * Loads a locale's method texts from `locales/<dir>/reference.json`. This module is itself imported
 * on demand (by useMethodStrings, on non-English pages, for a method the page data does not carry) so
 * the per-locale loader table never weighs on a page's first load; each locale's table is its own chunk.
 */

/** The part of `reference.json` read here (see `.vuepress/reference/strings.ts` for the whole file). */
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

// `import: 'methods'` lets the bundler drop labels and categories (the reference pages' text) from each chunk.
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
 * A locale's method texts, loaded once per page session. `null` for English, for a prefix that is
 * not a site locale (a reference.json whose folder has no locale.json never is), and when the chunk
 * fails to load: the reader then keeps English.
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
