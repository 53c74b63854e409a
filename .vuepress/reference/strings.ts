import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Category, MethodSpec } from '../../protocol/catalog.ts'
import type { Difference } from '../../protocol/differences.ts'
import type { CategoryText, LabelKey, Labels } from './labels.ts'
import { ENGLISH_CATEGORIES, ENGLISH_LABELS } from './labels.ts'

/** One method's translatable text, as a translator writes it in `locales/<dir>/reference.json`. */
export interface MethodText {
  /** Hash of the English text this translation was made from (see `methodSourceHash`); flags outdated entries. */
  source_hash?: string
  summary?: string
  params?: Record<string, string>
  result?: string
}

/** The whole `locales/<dir>/reference.json`. Every key is optional: what is missing falls back to English. */
export interface ReferenceFile {
  labels?: Partial<Labels>
  categories?: Partial<Record<Category, Partial<CategoryText>>>
  methods?: Record<string, MethodText>
  /** protocol/differences.ts entries by id: title, komodod, devchain. */
  differences?: Record<string, Partial<Pick<Difference, 'title' | 'komodod' | 'devchain'>>>
}

export interface ResolvedMethodText {
  summary: string
  params: Record<string, string>
  result: string
}

export interface ReferenceStrings {
  labels: Labels
  categories: Record<Category, CategoryText>
  method(spec: MethodSpec): ResolvedMethodText
  difference(d: Difference): Pick<Difference, 'title' | 'komodod' | 'devchain'>
}

/** The English text of a method, straight from the catalog. */
export function englishMethodText(spec: MethodSpec): ResolvedMethodText {
  return {
    summary: spec.summary,
    params: Object.fromEntries(spec.params.map((p) => [p.name, p.summary])),
    result: spec.result,
  }
}

/** Short hash of a method's English text: a translation stamped with another hash is outdated. */
export function methodSourceHash(spec: MethodSpec): string {
  return createHash('sha256').update(JSON.stringify(englishMethodText(spec))).digest('hex').slice(0, 16)
}

const pick = (translated: string | undefined, english: string): string =>
  typeof translated === 'string' && translated.trim() !== '' ? translated : english

/** Merges a locale's file over English, string by string. */
export function resolveStrings(file: ReferenceFile = {}): ReferenceStrings {
  const labels = Object.fromEntries(
    (Object.keys(ENGLISH_LABELS) as LabelKey[]).map((k) => [k, pick(file.labels?.[k], ENGLISH_LABELS[k])]),
  ) as Labels
  const categories = Object.fromEntries(
    (Object.keys(ENGLISH_CATEGORIES) as Category[]).map((c) => [c, {
      title: pick(file.categories?.[c]?.title, ENGLISH_CATEGORIES[c].title),
      intro: pick(file.categories?.[c]?.intro, ENGLISH_CATEGORIES[c].intro),
    }]),
  ) as Record<Category, CategoryText>
  return {
    labels,
    categories,
    method(spec) {
      const english = englishMethodText(spec)
      const t = file.methods?.[spec.name]
      return {
        summary: pick(t?.summary, english.summary),
        params: Object.fromEntries(Object.entries(english.params).map(([k, v]) => [k, pick(t?.params?.[k], v)])),
        result: pick(t?.result, english.result),
      }
    },
    difference(d) {
      const t = file.differences?.[d.id]
      return { title: pick(t?.title, d.title), komodod: pick(t?.komodod, d.komodod), devchain: pick(t?.devchain, d.devchain) }
    },
  }
}

/** Reads `locales/<dir>/reference.json`; a locale without one is all English. */
export function readReferenceFile(localesDir: string, dir: string): ReferenceFile {
  const file = path.join(localesDir, dir, 'reference.json')
  if (!fs.existsSync(file)) return {}
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ReferenceFile
}

export interface TranslationStatus {
  /** Catalog methods with a translated summary. */
  translated: number
  total: number
  /** Methods whose English text changed since the translation (source hash differs). */
  outdated: string[]
  /** Methods with no translated summary. */
  missing: string[]
}

/** How complete a locale's method descriptions are, for an i18n status report. */
export function translationStatus(file: ReferenceFile, methods: readonly MethodSpec[]): TranslationStatus {
  const outdated: string[] = []
  const missing: string[] = []
  for (const spec of methods) {
    const t = file.methods?.[spec.name]
    if (!t?.summary) missing.push(spec.name)
    else if (t.source_hash !== methodSourceHash(spec)) outdated.push(spec.name)
  }
  return { translated: methods.length - missing.length, total: methods.length, outdated, missing }
}
