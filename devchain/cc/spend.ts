/**
 * The script half of CC consensus, shared by the modules: a CC input's fulfillment must match the
 * spent output's condition and carry valid signatures over the input's ZIP-243 sighash. The eval
 * codes inside the fulfillment say which module's rules (validate) apply to the transaction.
 */
import type { Coin } from '../chain/view.ts'
import { signatureHash, SIGHASH_ALL } from '../tx/sighash.ts'
import type { Tx } from '../tx/transaction.ts'
import { conditionOfScript } from './condition.ts'
import { checkCCInput, decodeFulfillment, singlePush, type FulfillmentCheck } from './fulfillment.ts'
import { type Condition } from './condition.ts'
import type { ValidationContext } from '../modules.ts'
import { SCRIPT_FALSE } from '../chain/errors.ts'
import { recordReject } from './rejects.ts'

/** Eval codes named by an input's fulfillment, or [] when it is not one. No signature check. */
export function evalCodesOfScriptSig(scriptSig: Uint8Array): number[] {
  const push = singlePush(scriptSig)
  if (!push || push.length < 2) return []
  try {
    const codes: number[] = []
    const walk = (c: Condition): void => {
      if (c.type === 'eval' && c.code.length === 1) codes.push(c.code[0])
      if (c.type === 'threshold') c.subs.forEach(walk)
    }
    walk(decodeFulfillment(push.subarray(0, push.length - 1)))
    return codes
  } catch {
    return []
  }
}

export function checkSpend(tx: Tx, inputIndex: number, coin: Coin): FulfillmentCheck {
  const cond = conditionOfScript(coin.script)
  if (!cond) return { ok: false, reason: 'not a CC output' }
  const h = signatureHash(tx, inputIndex, coin.script, coin.value, SIGHASH_ALL)
  return checkCCInput(tx.vin[inputIndex].script, cond, h)
}

/** verifySpend for one module: undefined when the fulfillment does not name `evalCode`. */
export function verifySpendFor(evalCode: number, tx: Tx, inputIndex: number, coin: Coin): boolean | undefined {
  if (!coin.cc || !evalCodesOfScriptSig(tx.vin[inputIndex].script).includes(evalCode)) return undefined
  return checkSpend(tx, inputIndex, coin).ok
}

/** Inputs whose fulfillment names `evalCode`. */
export function inputsWithEval(tx: Tx, spent: readonly Coin[], evalCode: number): number[] {
  const out: number[] = []
  tx.vin.forEach((inp, i) => {
    if (spent[i]?.cc && evalCodesOfScriptSig(inp.script).includes(evalCode)) out.push(i)
  })
  return out
}

/** Public keys of the secp256k1 nodes in an input's fulfillment (who signed it). */
export function signersOfScriptSig(scriptSig: Uint8Array): Uint8Array[] {
  const push = singlePush(scriptSig)
  if (!push || push.length < 2) return []
  try {
    const keys: Uint8Array[] = []
    const walk = (c: Condition): void => {
      if (c.type === 'secp256k1') keys.push(c.pubkey)
      if (c.type === 'threshold') c.subs.forEach(walk)
    }
    walk(decodeFulfillment(push.subarray(0, push.length - 1)))
    return keys
  } catch {
    return []
  }
}

/**
 * A module's `validate` as komodod runs an eval: only for transactions that spend one of its CC
 * outputs; a refusal is a script failure, its reason only logged (recordReject).
 */
export function evalValidator(evalCode: number, module: string, rejectReason: (tx: Tx, vctx: ValidationContext) => string | null) {
  return (tx: Tx, vctx: ValidationContext): string | null => {
    if (inputsWithEval(tx, vctx.spent, evalCode).length === 0) return null
    const reason = rejectReason(tx, vctx)
    if (reason) recordReject({ txid: vctx.txid, module, reason })
    return reason ? SCRIPT_FALSE : null
  }
}
