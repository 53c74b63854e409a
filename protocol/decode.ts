/**
 * Reading CC structure out of decoded transactions, for TxView and BlockView.
 *
 * A CC output's condition only carries SHA-256 fingerprints (reference §3.3), so the module of an
 * output is found the way komodod's own modules find it: the global CC address of a module, the
 * eval code that opens the transaction's OP_RETURN, or the eval code of a CC input's fulfillment.
 * The modules' layouts and global addresses come from their specs (`createTxDecoder(MODULES)` in
 * modules/decode.ts); eval codes this site has no module for are still named (protocol/evalCodes.ts).
 */
import { EVAL_NAMES } from './evalCodes.ts'
import type { DecodedOpReturn, ModuleSpec, OpReturnView } from './module.ts'
import { bytesToHex, hexToBytes, opReturnPayload as payloadOfScript } from './opret.ts'
import type { DecodedTx, TxVout } from './types.ts'

export { bytesToHex, hexToBytes }
export type { DecodedOpReturn }

export interface CcModuleLabel {
  name: string
  evalCode: number
}

export const labelOf = (evalCode: number): CcModuleLabel | null =>
  EVAL_NAMES[evalCode] ? { name: EVAL_NAMES[evalCode], evalCode } : null

export const isCcOutput = (v: TxVout): boolean =>
  v.scriptPubKey.type === 'cryptocondition' || v.scriptPubKey.type === 'condition' || /OP_CHECKCRYPTOCONDITION$/.test(v.scriptPubKey.asm)

/** The payload of `OP_RETURN <one push>` given as script hex, or null. */
export function opReturnPayload(scriptHex: string): Uint8Array | null {
  try {
    return payloadOfScript(hexToBytes(scriptHex))
  } catch {
    return null
  }
}

/** Eval codes of the CC inputs: an eval fulfillment is DER `af <len> 80 <len> <code>`. */
export function inputEvalCodes(tx: DecodedTx): number[] {
  const codes = new Set<number>()
  for (const vin of tx.vin) {
    const hex = vin.scriptSig?.hex ?? ''
    for (const m of hex.matchAll(/af038001([0-9a-f]{2})/gi)) {
      const code = parseInt(m[1], 16)
      if (EVAL_NAMES[code]) codes.add(code)
    }
  }
  return [...codes]
}

export interface TxDecoder {
  /**
   * A module's payload decoded by its spec; other payloads of a known eval code come back as
   * `unknown` with their funcid; anything else is null.
   */
  decodeOpReturn(scriptHex: string): DecodedOpReturn | null
  /** The CC module of each output (null for normal outputs or when nothing tells the module). */
  labelOutputs(tx: DecodedTx): (CcModuleLabel | null)[]
  /** The words a module gives its decoded payload, or null (then the view shows the raw function). */
  viewOpReturn(d: DecodedOpReturn): OpReturnView | null
}

export function createTxDecoder(modules: readonly ModuleSpec[]): TxDecoder {
  const byEval = new Map(modules.map((m) => [m.evalCode, m]))
  const globalAddresses = new Map(modules.map((m) => [m.globalAddress, m.evalCode]))

  const decodeOpReturn = (scriptHex: string): DecodedOpReturn | null => {
    const payload = opReturnPayload(scriptHex)
    if (!payload || payload.length < 2) return null
    const evalCode = payload[0]
    const module = EVAL_NAMES[evalCode]
    if (!module) return null
    // A payload that claims a known layout but does not parse is shown raw.
    const known = byEval.get(evalCode)?.decodeOpReturn?.(payload)
    return known ?? { module, evalCode, kind: 'unknown', funcid: String.fromCharCode(payload[1]), hex: bytesToHex(payload) }
  }

  return {
    decodeOpReturn,
    labelOutputs(tx) {
      const opret = tx.vout.map((v) => decodeOpReturn(v.scriptPubKey.hex)).find((d) => d !== null)
      const fromInputs = inputEvalCodes(tx)
      const txEval = opret?.evalCode ?? (fromInputs.length === 1 ? fromInputs[0] : undefined)
      return tx.vout.map((v) => {
        if (!isCcOutput(v)) return null
        for (const a of v.scriptPubKey.addresses ?? []) {
          const code = globalAddresses.get(a)
          if (code !== undefined) return labelOf(code)
        }
        return txEval !== undefined ? labelOf(txEval) : null
      })
    },
    viewOpReturn: (d) => byEval.get(d.evalCode)?.viewOpReturn?.(d) ?? null,
  }
}
