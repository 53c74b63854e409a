/** The few hash and encoding primitives the CC layer needs, kept local so the CC code has no
 * dependency on the devchain core's internals. */
import { sha256 } from '@noble/hashes/sha2.js'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { createBase58check } from '@scure/base'
import { concatBytes as concat, bytesToHex } from '@noble/hashes/utils.js'

export { sha256, concat, bytesToHex }

export const base58check = createBase58check(sha256)

export function hash160(data: Uint8Array): Uint8Array {
  return ripemd160(sha256(data))
}

export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`not hex: ${hex.slice(0, 20)}`)
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Base58Check with Komodo's one-byte version (60 = R-address). */
export function addressOf(version: number, payload20: Uint8Array): string {
  return base58check.encode(concat(Uint8Array.of(version), payload20))
}

export const R_ADDRESS_VERSION = 60

/** P2PKH R-address of a compressed pubkey. */
export function pubkeyAddress(pubkey: Uint8Array): string {
  return addressOf(R_ADDRESS_VERSION, hash160(pubkey))
}
