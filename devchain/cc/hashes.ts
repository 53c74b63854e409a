/** The few hash and encoding primitives the CC layer needs, kept local so the CC code has no
 * dependency on the devchain core's internals. SHA-256 is the platform's (OpenSSL in Node): the
 * modules compute their global CC addresses as they load, so JS hashing here was paid on every
 * chain start. */
import { sha256 } from '../crypto/hash.ts'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { createBase58check } from '@scure/base'
import { concatBytes as concat, bytesToHex } from '@noble/hashes/utils.js'
import { R_ADDRESS_VERSION } from '../../protocol/addressVersions.ts'
import { hexToBytes } from '../../protocol/opret.ts'

export { sha256, concat, bytesToHex, hexToBytes }

export const base58check = createBase58check(sha256)

export function hash160(data: Uint8Array): Uint8Array {
  return ripemd160(sha256(data))
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

export { R_ADDRESS_VERSION }

/** P2PKH R-address of a compressed pubkey. */
export function pubkeyAddress(pubkey: Uint8Array): string {
  return addressOf(R_ADDRESS_VERSION, hash160(pubkey))
}
