/**
 * A module's CC address for a pubkey, derived from reference §3.3 step by step, independently of the
 * devchain's condition code, so module tests check their `<module>address` replies against it.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { createBase58check } from '@scure/base'
import { hexToBytes } from '../../devchain/cc/hashes.ts'

const b58 = createBase58check(sha256)
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))
/** Hex with spaces allowed, as the reference writes the DER prefixes. */
export const h = (s: string) => hexToBytes(s.replace(/\s+/g, ''))

export function refCCAddress(evalCode: number, pubkey: Uint8Array): string {
  const S = sha256(cat(h('30 23 80 21'), pubkey))
  const secp = cat(h('a5 27 80 20'), S, h('81 03 02 00 00'))
  const T1 = sha256(cat(h('30 2e 80 01 01 a1 29'), secp))
  const inner = cat(h('a2 2b 80 20'), T1, h('81 03 02 04 00 82 02 02 04'))
  const evalCond = cat(h('af 27 80 20'), sha256(Uint8Array.of(evalCode)), h('81 03 10 00 00'))
  const F = sha256(cat(h('30 5b 80 01 02 a1 56'), inner, evalCond))
  const condition = cat(h('a2 2c 80 20'), F, h('81 03 12 0c 00 82 03 00 04 01'))
  const script = cat(Uint8Array.of(0x2e), condition, Uint8Array.of(0xcc))
  return b58.encode(cat(Uint8Array.of(60), ripemd160(sha256(script))))
}
