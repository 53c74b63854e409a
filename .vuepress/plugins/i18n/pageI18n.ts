import type { PageState } from '../../locales/inventory.ts'

/**
 * What a page knows about its translation, in `page.data.i18n` (read on the client by the notice).
 * `fallback`: the locale lacks the page and shows the English one.
 */
export interface PageI18n {
  state: PageState | 'fallback'
  /** English source file, relative to the repository (`docs/journeys/x.md`). */
  source: string
  /** Route of the English page. */
  englishPath: string
  /** The translation file (existing or to be created), relative to the repository. */
  translation: string
  /** The English source as a web page in the repository. */
  sourceUrl: string
}

/** The same source path relative to its language root: `docs/a/b.md` and `locales/zh/a/b.md` → `a/b.md`. */
export function restOf(filePathRelative: string | null): { dir: string | null; rest: string } | null {
  const m = filePathRelative && /^(?:docs|locales\/([^/]+))\/(.+\.md)$/.exec(filePathRelative.split('\\').join('/'))
  return m ? { dir: m[1] ?? null, rest: m[2] } : null
}
