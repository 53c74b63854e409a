/**
 * komodod's mempool policy beyond consensus: IsStandardTx and IsFinalTx (src/main.cpp), IsStandard and
 * the data-carrier limit (src/script/standard.cpp, src/init.cpp), the dust threshold
 * (src/primitives/transaction.h). Each check returns komodod's reject reason, or null.
 */
import { parseScript, classifyScript } from '../tx/script.ts'
import type { Tx } from '../tx/transaction.ts'

/** -datacarriersize default on asset chains (MAX_OP_RETURN_RELAY_AC): bytes of the whole OP_RETURN script. */
export const MAX_OP_RETURN_RELAY_AC = 208
/** IGUANA_MAXSCRIPTSIZE: the OP_RETURN ceiling even with a larger -datacarriersize. */
export const IGUANA_MAXSCRIPTSIZE = 10_001
export const MAX_SCRIPTSIG_SIZE = 1650
export const LOCKTIME_THRESHOLD = 500_000_000
/** minRelayTxFee in satoshis per kB (getinfo's relayfee 0.00000100). */
export const MIN_RELAY_FEE_PER_KB = 100
const SEQUENCE_FINAL = 0xffffffff

function varintLen(n: number): number {
  return n < 0xfd ? 1 : n <= 0xffff ? 3 : 5
}

/** CTxOut::GetDustThreshold at the default relay fee: 3 × the fee to spend it (output + a 148-byte input). */
export function dustThreshold(script: Uint8Array): number {
  if (script[0] === 0x6a) return 0 // unspendable
  const size = 8 + varintLen(script.length) + script.length + 148
  const fee = Math.floor((MIN_RELAY_FEE_PER_KB * size) / 1000) || MIN_RELAY_FEE_PER_KB
  return 3 * fee
}

/** IsStandardTx (Sapling rules): the reason komodod rejects with code 64, or null. */
export function nonStandardReason(tx: Tx, dataCarrierBytes = MAX_OP_RETURN_RELAY_AC): string | null {
  if (tx.version !== 4) return 'sapling-version'
  for (const input of tx.vin) {
    if (input.script.length > MAX_SCRIPTSIG_SIZE) return 'scriptsig-size'
    const ops = parseScript(input.script)
    // Push-only: every op is a data push (OP_0 and OP_1NEGATE..OP_16 count as pushes).
    if (!ops || ops.some((o) => o.data === undefined && o.op > 0x60)) return 'scriptsig-not-pushonly'
  }
  let dataOuts = 0
  for (const out of tx.vout) {
    const info = classifyScript(out.script)
    if (info.type === 'nulldata') {
      // IsStandard: an OP_RETURN must push only, and fit the data-carrier limit.
      const pushes = parseScript(out.script.subarray(1))
      if (!pushes || pushes.some((o) => o.data === undefined && o.op > 0x60) || out.script.length > dataCarrierBytes) return 'scriptpubkey'
      if (out.script.length > IGUANA_MAXSCRIPTSIZE) return 'opreturn too big'
      dataOuts++
    } else if (info.type === 'nonstandard') return 'scriptpubkey'
    else if (info.type !== 'cryptocondition' && out.value < dustThreshold(out.script)) return 'dust'
  }
  if (dataOuts > 1) return 'multi-op-return'
  return null
}

/**
 * IsFinalTx after komodod's hard fork (src/main.cpp): final if there is no lock time, the lock time
 * has passed (a height below 500,000,000, else a time), or every input's sequence is final
 * (0xfffffffe counts only once the lock time is reached).
 */
export function isFinalTx(tx: Tx, height: number, time: number): boolean {
  if (tx.lockTime === 0) return true
  const limit = tx.lockTime < LOCKTIME_THRESHOLD ? height : time
  if (tx.lockTime < limit) return true
  return tx.vin.every((i) => i.sequence === SEQUENCE_FINAL || (i.sequence === 0xfffffffe && tx.lockTime <= limit))
}
