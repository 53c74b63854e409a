/**
 * What a method spec is: the types every catalog entry follows (komodod's core methods in catalog.ts, each CC
 * module's in its spec), the `p` helper that writes a parameter, and a catalog over a list of entries. Its own
 * file, so that a module's spec, which a page's panel may load, does not bring komodod's core methods with it.
 *
 * Parameter JSON types mirror komodod's `vRPCConvertParams` (src/rpc/client.cpp): only the positions
 * listed there are JSON numbers/booleans/objects; every CC argument is a JSON string.
 */

/** JSON type a parameter must have on the wire. */
export type ParamType = 'string' | 'int' | 'bool' | 'number-or-string' | 'object' | 'array' | 'any'

/** What the string content must look like, checked before a request is sent. */
export type ParamFormat =
  | 'txid'       // 64 hex chars
  | 'hex'        // even-length hex
  | 'pubkey'     // 66 hex chars, compressed secp256k1
  | 'address'    // Base58Check R-address
  | 'coins'      // decimal coin amount, up to 8 decimals
  | 'integer'    // a base-10 integer carried in a string (token units, heights)
  | 'height-or-hash'

/**
 * Safety class: what a call can do to the node. Profiles allow classes, never single methods,
 * so a method added to the catalog is denied until its class is allowed.
 */
export type SafetyClass =
  | 'read'        // chain state reads, no wallet
  | 'wallet'      // wallet reads and non-spending wallet changes (new address)
  | 'spend'       // spends the node's wallet funds directly
  | 'mining'      // produces blocks or burns node CPU
  | 'cc-info'     // read-only Custom Consensus calls
  | 'cc-build'    // builds (does not broadcast) a CC transaction funded by the node's wallet or faucet
  | 'broadcast'   // relays a transaction the caller built
  | 'node'        // the node's own network state (peer addresses): fine on your machine, private on a public gateway
  | 'admin'       // node identity/config changes (setpubkey); no default profile allows it
  | 'devchain'    // devchain-only control methods (devchain_*)
  | 'never'       // leaks keys or controls the node: no profile can allow it

/** komodod's help sections of the core methods; a CC module adds its own (`ModuleSpec.category`). */
export type CoreCategory =
  | 'blockchain' | 'rawtransactions' | 'wallet' | 'mining' | 'addressindex' | 'control'
  | 'util' | 'network' | 'devchain'

export type Category = CoreCategory | (string & {})

export interface ParamSpec {
  name: string
  type: ParamType
  /** Optional parameters may be omitted from the end of the positional list. */
  optional?: boolean
  format?: ParamFormat
  /** One line, English; translations live in the locales' reference strings. */
  summary: string
  /** A value that works on a fresh devchain, used to prefill forms and reference pages. */
  example?: unknown
  /**
   * Carries key material (signrawtransaction's privkeys): every gateway profile refuses a call that
   * passes it, whatever the method's safety class.
   */
  secret?: boolean
}

export interface MethodSpec {
  name: string
  category: Category
  safety: SafetyClass
  params: readonly ParamSpec[]
  /** One line, English. */
  summary: string
  /** Shape of the result as komodod emits it, for the reference pages. */
  result: string
  /** CC methods answer business errors inside a successful reply: `{result:"error", error}`. */
  softErrors?: boolean
  /** Exists only on the devchain (komodod answers -32601). */
  devchainOnly?: boolean
  /**
   * Work or reply that grows with the chain or the wallet, beyond what the category and safety
   * class already say (the address index, mining and CC builds are heavy by class).
   */
  heavy?: boolean
  /**
   * How long a caller waits for the reply, in ms, when the call's own options do not say: for a
   * method whose node works long before answering (faucetget's proof-of-work: 1,000,000 tries at
   * most, minutes on a slow machine). @default the client's timeout (30 s)
   */
  timeoutMs?: number
}

/** A parameter entry (modules' specs use it too). */
export const p = (name: string, type: ParamType, summary: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
  ({ name, type, summary, ...extra })

export interface Catalog {
  readonly methods: readonly MethodSpec[]
  /** Categories in first-appearance order. */
  readonly categories: readonly Category[]
  get(name: string): MethodSpec | undefined
}

/** A catalog over the given entries; a name listed twice is a bug in a module's spec, so it throws. */
export function createCatalog(methods: readonly MethodSpec[]): Catalog {
  const byName = new Map<string, MethodSpec>()
  for (const m of methods) {
    if (byName.has(m.name)) throw new Error(`catalog: ${m.name} is listed twice`)
    byName.set(m.name, m)
  }
  return { methods, categories: [...new Set(methods.map((m) => m.category))], get: (name) => byName.get(name) }
}
