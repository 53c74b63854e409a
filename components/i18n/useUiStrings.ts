/**
 * The reader's UI strings: the site locale's merged `ui` (put there by the locale discovery), laid
 * over English so a key a translation lacks still shows in English.
 */
import { computed, type ComputedRef } from 'vue'
import { useSiteLocaleData } from 'vuepress/client'
import { en, type UiStrings } from './en.ts'

type Tree = { readonly [k: string]: string | Tree }

function overlay(base: Tree, given: unknown): Tree {
  if (!given || typeof given !== 'object') return base
  const g = given as Record<string, unknown>
  const out: Record<string, string | Tree> = {}
  for (const [k, v] of Object.entries(base)) {
    const t = g[k]
    out[k] = typeof v === 'string' ? (typeof t === 'string' && t ? t : v) : overlay(v, t)
  }
  return out
}

export function useUiStrings(): ComputedRef<UiStrings> {
  const site = useSiteLocaleData()
  return computed(() => overlay(en, (site.value as { ui?: unknown }).ui) as unknown as UiStrings)
}

/** Fills `{name}` placeholders; unknown names stay visible so a translation slip shows. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m))
}
