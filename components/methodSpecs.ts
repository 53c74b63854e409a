/**
 * The method specs the page's components read, without the whole catalog in the first load:
 * - a page's methods come whole with its page data (the build puts them there:
 *   .vuepress/plugins/pageMethods.ts), for its forms;
 * - komodod's core methods in their wire form (coreWire.ts, a small chunk loaded with the first call that
 *   needs it), so any component's call is checked before it is sent;
 * - the registered modules' full catalog loads only when something asks for a method none of these holds.
 */
import { shallowRef } from 'vue'
import type { MethodSpec } from '../protocol/catalog.ts'
import type { SpecSource } from '../protocol/client.ts'
import type { WireSpec } from '../protocol/wireSpec.ts'

let coreWire: ReadonlyMap<string, WireSpec> | null = null
let coreLoading: Promise<ReadonlyMap<string, WireSpec>> | null = null
/** Whether the core methods' wire specs are here (they load on first need, or as the reader heads for a step). */
export const coreWireLoaded = (): boolean => coreWire !== null

/** komodod's core methods in wire form (one small chunk, once). */
export const loadCoreWire = (): Promise<ReadonlyMap<string, WireSpec>> =>
  (coreLoading ??= import('./coreWire.ts').then((m) => (coreWire = m.coreWire)))
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

/** A whole spec if it is here now (reactive: re-read once the full catalog arrives). */
export function methodSpec(name: string): MethodSpec | undefined {
  void version.value
  return known.get(name)
}

/** Loads every method's whole spec, komodod's and the registered modules' (one lazy chunk, once). */
export function loadAllSpecs(): Promise<void> {
  everything ??= import('../modules/catalog.ts').then(({ METHODS }) => {
    addMethodSpecs(Object.fromEntries(METHODS.map((m) => [m.name, m])))
  })
  return everything
}

/** What the page's RPC client checks against. */
export const siteSpecs: SpecSource = {
  get: (name) =>
    known.get(name) ?? coreWire?.get(name) ??
    loadCoreWire().then((core) => known.get(name) ?? core.get(name) ?? loadAllSpecs().then(() => known.get(name))),
}
