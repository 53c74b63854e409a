import { discoverLocales, ROOT } from './discover.ts'
import { localeInventory, type PageEntry, type PageState } from './inventory.ts'

export interface LocaleStatus {
  dir: string
  name: string
  lang: string
  file: string
  counts: Record<PageState, number>
  pages: PageEntry[]
  orphans: string[]
  missingUi: string[]
}

export interface StatusReport {
  locales: LocaleStatus[]
  /** Malformed locale.json files and unknown UI keys: `i18n:status --check` fails on these. */
  errors: string[]
}

/** The translation status of every valid locale, plus the problems that keep the others out. */
export function buildStatus(root = ROOT): StatusReport {
  const { list, errors } = discoverLocales(root, { strict: false })
  const locales = list.map((l): LocaleStatus => {
    const inv = localeInventory(root, l.dir)
    const counts: Record<PageState, number> = { translated: 0, outdated: 0, unstamped: 0, missing: 0 }
    for (const p of inv.pages) counts[p.state]++
    return { dir: l.dir, name: l.data.name, lang: l.data.lang, file: l.file, counts, pages: inv.pages, orphans: inv.orphans, missingUi: l.missingUi }
  })
  return { locales, errors }
}

/** Plain-text report for the terminal. */
export function formatStatus(report: StatusReport): string {
  const lines: string[] = []
  for (const l of report.locales) {
    const c = l.counts
    lines.push(`${l.dir} (${l.name}, ${l.lang}): ${c.translated} translated, ${c.outdated} outdated, ${c.unstamped} unstamped, ${c.missing} missing, ${l.missingUi.length} missing UI keys`)
    for (const state of ['outdated', 'unstamped', 'missing'] as const)
      for (const p of l.pages.filter((p) => p.state === state)) lines.push(`  ${state.padEnd(9)} ${state === 'missing' ? p.source : p.translation}`)
    for (const o of l.orphans) lines.push(`  orphan    ${o} (no English page)`)
    if (l.missingUi.length) lines.push(`  missing UI keys: ${l.missingUi.join(', ')}`)
  }
  if (!report.locales.length) lines.push('no locales found under locales/')
  for (const e of report.errors) lines.push(`error: ${e}`)
  return lines.join('\n')
}
