/**
 * A module's CC addresses for a pubkey, derived from reference §3.3 step by step, independently of the
 * devchain's condition code, so module tests and journey walks check their `<module>address` replies
 * against them:
 *   - `refCCAddress(E, P)`: MakeCCcond1, threshold 2 of {eval(E), threshold 1 of {secp256k1(P)}};
 *   - `refCCTokensAddress(E, P)`: the `<Module>CCTokensAddress` form, threshold 3 of {eval(E), eval(0xf2),
 *     threshold 1 of {secp256k1(P)}} (children in DER SET OF order, i.e. by their encoded bytes), which
 *     collapses to the plain form when E is Tokens' own 0xf2;
 *   - `refNormalAddress(P)`: the ordinary R-address of a pubkey (`…NormalAddress`, `myaddress`).
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { createBase58check } from '@scure/base'
import { hexToBytes } from '../../devchain/cc/hashes.ts'

const b58 = createBase58check(sha256)
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))
/** Hex with spaces allowed, as the reference writes the DER prefixes. */
export const h = (s: string) => hexToBytes(s.replace(/\s+/g, ''))
const addressOfHash = (h160: Uint8Array) => b58.encode(cat(Uint8Array.of(60), h160))

/** Steps 1–4: the secp256k1 condition of P inside a 1-of-1 threshold. */
function oneOfOne(pubkey: Uint8Array): Uint8Array {
  const S = sha256(cat(h('30 23 80 21'), pubkey))
  const secp = cat(h('a5 27 80 20'), S, h('81 03 02 00 00'))
  const T1 = sha256(cat(h('30 2e 80 01 01 a1 29'), secp))
  return cat(h('a2 2b 80 20'), T1, h('81 03 02 04 00 82 02 02 04'))
}

/** Step 5. */
const evalCondition = (evalCode: number) => cat(h('af 27 80 20'), sha256(Uint8Array.of(evalCode)), h('81 03 10 00 00'))

/** The address of a CC scriptPubKey: the hash of the whole script `2e <condition> cc`. */
const addressOfCondition = (condition: Uint8Array) => addressOfHash(ripemd160(sha256(cat(Uint8Array.of(0x2e), condition, Uint8Array.of(0xcc)))))

export function refCCAddress(evalCode: number, pubkey: Uint8Array): string {
  const F = sha256(cat(h('30 5b 80 01 02 a1 56'), oneOfOne(pubkey), evalCondition(evalCode)))
  return addressOfCondition(cat(h('a2 2c 80 20'), F, h('81 03 12 0c 00 82 03 00 04 01')))
}

/** Cost 2·1048576 + 132096 + 3·1024 = 0x221000; the fingerprint's content needs a long-form DER length. */
export function refCCTokensAddress(evalCode: number, pubkey: Uint8Array): string {
  if (evalCode === 0xf2) return refCCAddress(evalCode, pubkey)
  const children = [oneOfOne(pubkey), evalCondition(evalCode), evalCondition(0xf2)]
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  const set = cat(Uint8Array.of(0xa1, children.reduce((n, c) => n + c.length, 0)), ...children)
  const body = cat(h('80 01 03'), set)
  const F = sha256(cat(Uint8Array.of(0x30, 0x81, body.length), body))
  return addressOfCondition(cat(h('a2 2c 80 20'), F, h('81 03 22 10 00 82 03 00 04 01')))
}

export const refNormalAddress = (pubkey: Uint8Array): string => addressOfHash(ripemd160(sha256(pubkey)))
