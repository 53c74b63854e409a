import type { PageState } from '../../locales/inventory.ts'
import type { StatusReport } from '../../locales/status.ts'

/** A page's row: its route, its state, and its file (the English source where the translation is missing). */
export type StatusRow = readonly [route: string, state: PageState, file: string]

/**
 * What the status pages' tables show, the same in every locale's status page: one list of rows per language
 * (in the report's order), the site's base for the page links and the repository's file URL prefix.
 */
export interface StatusTableData {
  base: string
  fileBase: string
  locales: StatusRow[][]
}

/** The words of one locale's table: its headers and the name of each state. */
export type StatusLabels = Record<'page' | 'state' | 'file' | PageState, string>

export function statusTableData(report: StatusReport, base: string, fileBase: string): StatusTableData {
  return {
    base,
    fileBase,
    locales: report.locales.map((l) => l.pages.map((p): StatusRow => [p.route, p.state, p.state === 'missing' ? p.source : p.translation])),
  }
}
