/**
 * The method specs the page's components read, without the whole catalog in the first load:
 * - a page's methods come whole with its page data (the build puts them there:
 *   .vuepress/plugins/pageMethods.ts), for its forms;
 * - komodod's core methods are always here in their wire form (protocol/wireSpec.ts), put in by the build
 *   (`__KJ_CORE_WIRE__`), so any component's call is checked before it is sent;
 * - the registered modules' full catalog loads only when something asks for a method none of these holds.
 */
import { shallowRef } from 'vue'
import type { MethodSpec } from '../protocol/catalog.ts'
import type { SpecSource } from '../protocol/client.ts'
import { unpackWireSpecs } from '../protocol/wireSpec.ts'

declare const __KJ_CORE_WIRE__: string

const coreWire = unpackWireSpecs(__KJ_CORE_WIRE__)
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
  get: (name) => known.get(name) ?? coreWire.get(name) ?? loadAllSpecs().then(() => known.get(name)),
}
