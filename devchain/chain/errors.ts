/** komodod's transaction-rejection errors, as sendrawtransaction reports them. */
import { RpcError, RpcCode } from '../../protocol/jsonrpc.ts'

export const REJECT_INVALID = 16
export const REJECT_DUPLICATE = 18
export const REJECT_NONSTANDARD = 64
export const REJECT_CONFLICT = 258 // 0x102, komodod's internal "conflict" code

export function rejected(code: number, reason: string): RpcError {
  return new RpcError(RpcCode.VERIFY_REJECTED, `${code}: ${reason}`)
}

export const missingInputs = (): RpcError => new RpcError(RpcCode.VERIFY_ERROR, 'Missing inputs')
export const alreadyInChain = (): RpcError => new RpcError(RpcCode.VERIFY_ALREADY_IN_CHAIN, 'transaction already in block chain')
export const decodeFailed = (): RpcError => new RpcError(RpcCode.DESERIALIZATION_ERROR, 'TX decode failed')

export const SCRIPT_FALSE = 'mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)'
export const SCRIPT_STACK = 'mandatory-script-verify-flag-failed (Operation not valid with the current stack size)'
export const SCRIPT_EQUALVERIFY = 'mandatory-script-verify-flag-failed (Script failed an OP_EQUALVERIFY operation)'
