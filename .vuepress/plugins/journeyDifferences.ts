/**
 * The "devchain and komodod" note at the end of a journey: where a journey calls a method the devchain
 * answers differently from komodod (protocol/differences.ts), the reader is told there, in their
 * language, with a link to the full entry. Worked out at build time from the page's frontmatter
 * `rpc` list, so a page carries only its own few lines of data and no client code decides anything.
 */
import type { Page, Plugin } from 'vuepress/core'
import { DIFFERENCES, type Difference } from '../../protocol/differences.ts'
import { differencesPath, differenceAnchor } from '../reference/skeleton.ts'
import { readReferenceFile, resolveStrings } from '../reference/strings.ts'

export interface JourneyDifferences {
  title: string
  intro: string
  items: { title: string; href: string; methods: string[] }[]
}

/** The differences a journey meets: those whose methods it calls, in the list's order. */
export function differencesFor(rpc: readonly string[], list: readonly Difference[] = DIFFERENCES): { difference: Difference; methods: string[] }[] {
  return list
    .map((difference) => ({ difference, methods: (difference.methods ?? []).filter((m) => rpc.includes(m)) }))
    .filter((d) => d.methods.length > 0)
}

export const journeyDifferencesPlugin = (): Plugin => {
  const stringsByDir = new Map<string, ReturnType<typeof resolveStrings>>()
  return {
    name: 'komodo-journeys:journey-differences',
    extendsPage(page: Page<{ differences?: JourneyDifferences }>, app) {
      const fm = page.frontmatter as { journey?: boolean; rpc?: unknown }
      if (!fm.journey || !Array.isArray(fm.rpc)) return
      const found = differencesFor(fm.rpc.filter((m): m is string => typeof m === 'string'))
      if (found.length === 0) return
      const prefix = page.pathLocale
      const dir = prefix === '/' ? '' : prefix.slice(1, -1)
      if (!stringsByDir.has(dir)) stringsByDir.set(dir, resolveStrings(dir ? readReferenceFile(app.dir.source('locales'), dir) : {}))
      const t = stringsByDir.get(dir)!
      page.data.differences = {
        title: t.labels.differencesTitle,
        intro: t.labels.differencesJourneyNote,
        items: found.map(({ difference, methods }) => ({
          title: t.difference(difference).title,
          href: `${differencesPath(prefix)}#${differenceAnchor(difference)}`,
          methods,
        })),
      }
    },
  }
}
