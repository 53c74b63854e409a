/**
 * CC addresses derived straight from the reference's recipe (shared/reference/komodo-rpc.md §3.3),
 * with Node's hashes and @scure/base's Base58Check and none of the project's code, so a test can
 * check what the devchain shows a reader against an independent derivation:
 *   - `ccAddressOf(E, P)`: MakeCCcond1, threshold 2 of {eval(E), threshold 1 of {secp256k1(P)}};
 *   - `ccTokensAddressOf(E, P)`: the `<Module>CCTokensAddress` form, threshold 3 of {eval(E), eval(0xf2),
 *     threshold 1 of {secp256k1(P)}} (children in DER SET OF order, i.e. by their encoded bytes), which
 *     collapses to the plain form when E is Tokens' own 0xf2;
 *   - `normalAddressOf(P)`: the P2PKH R-address of a pubkey (version 60).
 */
import { createHash } from 'node:crypto'
import { createBase58check } from '@scure/base'

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest())
const hash160 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('ripemd160').update(sha256(b)).digest())
const b58check = createBase58check(sha256)
const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts))
const address = (h160: Uint8Array): string => b58check.encode(cat(Uint8Array.of(0x3c), h160))

/** Steps 1–4: the secp256k1 condition of P inside a 1-of-1 threshold. */
function oneOfOne(pubkey: Uint8Array): Uint8Array {
  const secp = cat(hex('a5278020'), sha256(cat(hex('30238021'), pubkey)), hex('8103020000'))
  return cat(hex('a22b8020'), sha256(cat(hex('302e800101a129'), secp)), hex('810302040082020204'))
}

/** Step 5: the eval condition of one eval code. */
const evalCondition = (evalCode: number): Uint8Array => cat(hex('af278020'), sha256(Uint8Array.of(evalCode)), hex('8103100000'))

/** A CC scriptPubKey's address: the hash of the whole script `<push> condition cc`. */
const addressOfCondition = (condition: Uint8Array): string => address(hash160(cat(Uint8Array.of(condition.length), condition, Uint8Array.of(0xcc))))

/** Steps 6–7: komodod's per-pubkey (or global) CC address of `pubkeyHex` under `evalCode`. */
export function ccAddressOf(evalCode: number, pubkeyHex: string): string {
  const f = sha256(cat(hex('305b800102a156'), oneOfOne(hex(pubkeyHex)), evalCondition(evalCode)))
  return addressOfCondition(cat(hex('a22c8020'), f, hex('8103120c008203000401')))
}

/** The `<Module>CCTokensAddress` of `pubkeyHex`: three children, all required, cost 2·1048576 + 132096 + 3·1024. */
export function ccTokensAddressOf(evalCode: number, pubkeyHex: string): string {
  // Under Tokens' own eval code the condition collapses to the plain two-child form.
  if (evalCode === 0xf2) return ccAddressOf(evalCode, pubkeyHex)
  const children = [oneOfOne(hex(pubkeyHex)), evalCondition(evalCode), evalCondition(0xf2)]
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  const set = cat(Uint8Array.of(0xa1, children.reduce((n, c) => n + c.length, 0)), ...children)
  const body = cat(hex('800103'), set)
  const f = sha256(cat(Uint8Array.of(0x30, 0x81, body.length), body))
  return addressOfCondition(cat(hex('a22c8020'), f, hex('81032210008203000401')))
}

/** The ordinary R-address of a pubkey (`…NormalAddress`, `myaddress`). */
export const normalAddressOf = (pubkeyHex: string): string => address(hash160(hex(pubkeyHex)))
