/**
 * Extension point for Custom Consensus (CC) modules.
 *
 * How a module plugs in (kept deliberately small):
 *  1. A module folder `modules/<id>/` exports `rules: CcModule` from its `rules.ts`; the composition
 *     roots load every registered module's rules (modules/loadRules.ts) and pass them to the engine,
 *     which never imports `modules/` itself.
 *  2. `rpc`: handlers keyed by method name. They receive a `CcContext` (the calling node, its
 *     wallet, the chain) and the raw JSON params. Parameter typing (-1 "JSON value is not a string
 *     as expected", usage text) is the handler's job: use `requireString`/`usage` from
 *     `rpc/params.ts`. Return the JSON result; amounts as `new Amount(sats)` so they print with
 *     8 decimals. Soft errors are plain results `{result:"error", error}`. Throw `RpcError` for
 *     hard errors. The "-pubkey not set" rule (-1 "to use CC contracts…") is also the handler's
 *     job: `ctx.wallet.pubkey` is null until set; `ctx.chain.params.cc` is 0 when CC is off.
 *  3. `validate(tx, vctx)`: consensus. Called at sendrawtransaction and when a block is
 *     assembled, for every transaction that spends or creates a CC output (any module's); return
 *     null when the tx does not concern you or is valid, or a reason string to reject it. The
 *     devchain answers -26 `16: <reason>`.
 *  4. `verifySpend(tx, inputIndex, coin, vctx)`: the script check for a CC input (the scriptSig is
 *     a fulfillment). Return true if this module recognises and accepts the fulfillment, false if
 *     it recognises and rejects it, undefined if it is not yours. An input no module accepts is
 *     refused like a bad signature (-26 `16: mandatory-script-verify-flag-failed (…)`).
 *  5. `describeScript(script)`: optional refinement of decoderawtransaction's scriptPubKey for CC
 *     outputs. The core already prints `type:"cryptocondition"`, asm `<condition hex>
 *     OP_CHECKCRYPTOCONDITION` and the CC address (hash160 of the whole script, reference §3.3),
 *     and indexes CC outputs under that address in the CC address index (getaddress* with the
 *     second "ccvout" parameter) — modules normally need nothing here.
 *
 * Building transactions: `ctx.wallet` gives keys, spendable coins and signing of normal inputs
 * (`signInputs`); CC inputs are signed by the module (compute `signatureHash` from
 * `tx/sighash.ts` with the spent CC scriptPubKey as scriptCode, then put the fulfillment in the
 * scriptSig). Serialize with `serializeTx`, return the hex; the reader broadcasts it.
 */
import type { Tx } from './tx/transaction.ts'
import type { Coin, LedgerView } from './chain/view.ts'
import type { Wallet } from './chain/wallet.ts'
import type { ChainParams } from './chain/params.ts'

export interface ChainView {
  readonly params: ChainParams
  readonly ledger: LedgerView
}

export interface CcContext {
  /** Node name ('miner', 'reader', …). */
  node: string
  wallet: Wallet
  chain: ChainView
  /** Node identities, for devchain-only methods that act on another node (devchain_resetidentity). */
  devchain?: DevchainHooks
}

/** What DevchainCore offers modules beyond the calling node: other nodes' wallets and persisted keys. */
export interface DevchainHooks {
  readonly nodes: string[]
  wallet(node: string): Wallet
  newKey(node: string, labeled: boolean): { pubHex: string; address: string }
  setPubkey(node: string, pubHex: string): void
}

export interface ValidationContext {
  chain: ChainView
  /** Height the transaction would be mined at (tip + 1). */
  height: number
  /** The coins spent by each input of `tx` (same order as tx.vin). */
  spent: Coin[]
  /** Txid of the transaction being validated. */
  txid: string
}

export type CcRpcHandler = (ctx: CcContext, params: unknown[]) => unknown | Promise<unknown>

export interface ScriptDescription {
  asm?: string
  type?: string
  addresses?: string[]
  reqSigs?: number
}

export interface CcModule {
  /** Eval code, e.g. 0xe4 for Faucet. */
  evalCode: number
  /** Module name as komodod prints it ('Faucet', 'Tokens'). */
  name: string
  /** Help category (lowercase, e.g. 'faucet'); help prints it capitalised. */
  category: string
  /** RPC methods; usage line for `help` is taken from `usage[name]` when given. */
  rpc: Record<string, CcRpcHandler>
  usage?: Record<string, string>
  validate?(tx: Tx, vctx: ValidationContext): string | null
  verifySpend?(tx: Tx, inputIndex: number, coin: Coin, vctx: ValidationContext): boolean | undefined
  describeScript?(script: Uint8Array): ScriptDescription | null
}
