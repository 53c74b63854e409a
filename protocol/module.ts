/**
 * What a CC module tells the rest of the site about itself: the contract of `modules/<id>/spec.ts`.
 * Specs are isomorphic and light (no engine code): the catalog, the gateway profiles, the reference
 * pages, the transaction decoder and the components read them through the registry,
 * `modules/index.ts`. A module's consensus rules and transaction builders live beside its spec in
 * `rules.ts`, which only the engine loads (`modules/loadRules.ts`).
 */
import type { MethodSpec } from './catalog.ts'

/** A string tree: English UI strings a module adds under its own top-level keys. */
export interface StringTree {
  readonly [key: string]: string | StringTree
}

/** A decoded OP_RETURN payload of a known module. `kind` names the module function. */
export interface DecodedOpReturn {
  module: string
  evalCode: number
  kind: string
  [field: string]: unknown
}

/** How TxDetails shows a decoded payload: UI string paths (`'faucet.tx.claim'`) with values. */
export interface OpReturnView {
  summary: { key: string; values?: Record<string, string | number> }
  /** Label key and value(s); values are chain strings, shown as code, never markup. */
  details?: ReadonlyArray<{ key: string; values: readonly string[]; code?: boolean }>
}

export interface ModuleSpec {
  /** Folder name under `modules/`, lowercase. */
  id: string
  /** komodod's name for the module ('Faucet'), as its `<module>address` keys print it. */
  name: string
  /** src/cc/eval.h. */
  evalCode: number
  /** Catalog category of its methods (komodod's help section, lowercase). */
  category: string
  /** The module's global pubkey (src/cc/CCcustom.cpp), hex. */
  globalPubkey: string
  /** The global private key where the engine signs the module's global outputs (a public constant in komodod). */
  globalPrivkey?: string
  /** CC address of the global pubkey under the module's eval code (reference §3.3). */
  globalAddress: string
  /** Catalog entries of its RPCs; every CC argument is a JSON string. */
  methods: readonly MethodSpec[]
  /** English title and intro of its reference page (translations in locales/<dir>/reference.json). */
  reference: { title: string; intro: string }
  /** Names of its Vue panels, each a `modules/<id>/<Name>.vue` file registered as a global component. */
  panels: readonly string[]
  /** English UI strings under the module's own top-level keys (translations in locales/<dir>/locale.json under "ui"). */
  strings: StringTree
  /** Decodes a payload whose first byte is this module's eval code; null when it does not parse. */
  decodeOpReturn?(payload: Uint8Array): DecodedOpReturn | null
  /** The words for a decoded payload in a transaction view. */
  viewOpReturn?(decoded: DecodedOpReturn): OpReturnView | null
}

/** Identity helper that keeps a spec's literal types (its strings' keys, for the UI string types). */
export const defineModule = <const S extends ModuleSpec>(spec: S): S => spec
