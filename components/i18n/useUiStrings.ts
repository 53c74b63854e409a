/**
 * The reader's UI strings: the route locale's translation (loaded by localeUi.ts before the route
 * resolves) laid over English, so a key a translation lacks still shows in English.
 */
import { computed, type ComputedRef } from 'vue'
import { useRouteLocale } from 'vuepress/client'
import type { StringTree } from '../../protocol/module.ts'
import type { UiStrings } from './en.ts'
import { ensureModuleUi, uiStringsFor, uiTranslationFor } from './localeUi.ts'
import { overlayUi } from './overlayUi.ts'

/**
 * The core strings in the reader's locale; given a module's English strings (its spec's `strings`),
 * those too, with the locale's translation (`locale.json`'s `ui`, same keys) laid over them.
 */
export function useUiStrings(): ComputedRef<UiStrings>
export function useUiStrings<S extends StringTree>(moduleStrings: S): ComputedRef<UiStrings & S>
export function useUiStrings(moduleStrings?: StringTree): ComputedRef<UiStrings> {
  const locale = useRouteLocale()
  // A panel's module strings are in already when it hydrates (client.ts); one rendered later, or a transaction's
  // details, shows English until they arrive.
  if (moduleStrings) void ensureModuleUi(locale.value)
  return computed(() => {
    const core = uiStringsFor(locale.value)
    return moduleStrings ? { ...core, ...overlayUi(moduleStrings, uiTranslationFor(locale.value)) } : core
  })
}

/** Fills `{name}` placeholders; unknown names stay visible so a translation slip shows. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m))
}

/** The string at a dotted path (`'faucet.tx.claim'`), or the path itself so a missing key shows. */
export function uiText(tree: unknown, path: string): string {
  let node = tree
  for (const k of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[k] : undefined
  return typeof node === 'string' ? node : path
}
