import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { routeForSource } from '../plugins/sourceRoutes.ts'

/**
 * Where each English page stands in one locale:
 * - translated: the translation's `source_hash` matches the English file today;
 * - outdated: it matches an older English file;
 * - unstamped: a translation exists but records no `source_hash`, so its age is unknown;
 * - missing: no translation; the site serves the English page with a notice (a fallback page).
 */
export type PageState = 'translated' | 'outdated' | 'unstamped' | 'missing'

export interface PageEntry {
  /** English source, relative to the repository root (`docs/journeys/x.md`). */
  source: string
  /** Translation file (`locales/zh/journeys/x.md`), whether or not it exists. */
  translation: string
  englishRoute: string
  route: string
  state: PageState
}

export interface LocaleInventory {
  dir: string
  pages: PageEntry[]
  /** Translated files with no English page (their route exists only in this locale). */
  orphans: string[]
}

/** Hash of an English file as a translation records it: line endings do not count. */
export function sourceHash(markdown: string): string {
  return createHash('sha256').update(markdown.replace(/\r\n?/g, '\n')).digest('hex').slice(0, 16)
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/

/** The Markdown without its frontmatter block. */
export const stripFrontmatter = (markdown: string): string => markdown.replace(FRONTMATTER, '')

/** The `source_hash:` a translated page's frontmatter records, if any. */
export function readSourceHash(markdown: string): string | null {
  const fm = FRONTMATTER.exec(markdown)?.[1]
  return fm ? (/^source_hash:\s*['"]?([0-9a-f]+)['"]?\s*$/m.exec(fm)?.[1] ?? null) : null
}

/** The page with its frontmatter's `source_hash:` set to `hash` (added, or replaced). */
export function writeSourceHash(markdown: string, hash: string): string {
  const line = `source_hash: ${hash}`
  const m = FRONTMATTER.exec(markdown)
  if (!m) return `---\n${line}\n---\n\n${markdown}`
  const fm = /^source_hash:.*$/m.test(m[1]) ? m[1].replace(/^source_hash:.*$/m, line) : `${m[1]}\n${line}`
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n'
  return `---${eol}${fm}${eol}---${eol}${markdown.slice(m[0].length)}`
}

/** Markdown files under `dir`, relative to it, sorted, with `/` separators. */
export function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.md'))
    .sort()
}

/** Where each English page stands in `locales/<dir>/`. */
export function localeInventory(root: string, dir: string): LocaleInventory {
  const english = markdownFiles(path.join(root, 'docs'))
  const translated = new Set(markdownFiles(path.join(root, 'locales', dir)))
  const pages = english.map((rest): PageEntry => {
    const source = `docs/${rest}`
    const translation = `locales/${dir}/${rest}`
    const entry = { source, translation, englishRoute: routeForSource(source)!, route: routeForSource(translation)! }
    if (!translated.has(rest)) return { ...entry, state: 'missing' }
    const recorded = readSourceHash(fs.readFileSync(path.join(root, translation), 'utf8'))
    if (!recorded) return { ...entry, state: 'unstamped' }
    const current = sourceHash(fs.readFileSync(path.join(root, source), 'utf8'))
    return { ...entry, state: recorded === current ? 'translated' : 'outdated' }
  })
  const orphans = [...translated].filter((rest) => !english.includes(rest)).map((rest) => `locales/${dir}/${rest}`)
  return { dir, pages, orphans }
}
