/**
 * The method specs the page's components read, without the whole catalog in the first load:
 * komodod's core methods are always here; a page's module methods come with its page data (the
 * build puts them there: .vuepress/plugins/pageMethods.ts); the registered modules' full catalog
 * loads only when something asks for a method neither holds.
 */
import { shallowRef } from 'vue'
import { CORE_CATALOG, type MethodSpec } from '../protocol/catalog.ts'
import type { SpecSource } from '../protocol/client.ts'

const known = new Map<string, MethodSpec>()
/** Bumped when specs arrive, so a computed spec re-reads. */
const version = shallowRef(0)
let everything: Promise<void> | null = null

/** Specs the page brought (its data's `methodSpecs`). */
export function addMethodSpecs(specs: Readonly<Record<string, MethodSpec>> | undefined): void {
  if (!specs) return
  let added = false
  for (const [name, spec] of Object.entries(specs)) {
    if (known.has(name)) continue
    known.set(name, spec)
    added = true
  }
  if (added) version.value++
}

/** A spec if it is here now (reactive: re-read once the full catalog arrives). */
export function methodSpec(name: string): MethodSpec | undefined {
  void version.value
  return CORE_CATALOG.get(name) ?? known.get(name)
}

/** Loads every registered module's specs (one lazy chunk, once). */
export function loadAllSpecs(): Promise<void> {
  everything ??= import('../modules/catalog.ts').then(({ METHODS }) => {
    addMethodSpecs(Object.fromEntries(METHODS.map((m) => [m.name, m])))
  })
  return everything
}

/** What the page's RPC client checks against. */
export const siteSpecs: SpecSource = {
  get: (name) => methodSpec(name) ?? loadAllSpecs().then(() => methodSpec(name)),
}
