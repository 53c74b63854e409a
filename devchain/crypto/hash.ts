/** Hash primitives with komodod's byte conventions (txids and block hashes are shown byte-reversed). */
import { platform } from '#platform'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { blake2b } from '@noble/hashes/blake2.js'

export function sha256(data: Uint8Array): Uint8Array {
  return platform.sha256(data)
}

export function sha256d(data: Uint8Array): Uint8Array {
  return sha256(sha256(data))
}

export function hash160(data: Uint8Array): Uint8Array {
  return ripemd160(sha256(data))
}

/** BLAKE2b-256 with a 16-byte personalisation, as ZIP-243 uses it. */
export function blake2b256(data: Uint8Array, personalization: Uint8Array): Uint8Array {
  return blake2b(data, { dkLen: 32, personalization })
}

export function toHex(b: Uint8Array): string {
  return platform.toHex(b)
}

export function fromHex(h: string): Uint8Array {
  return platform.fromHex(h)
}

export function isHex(s: string): boolean {
  return s.length % 2 === 0 && /^[0-9a-fA-F]*$/.test(s)
}

/** Internal (little-endian) hash bytes → the hex komodod displays. */
export function hashToHex(h: Uint8Array): string {
  return toHex(Uint8Array.from(h).reverse())
}

export function hexToHash(h: string): Uint8Array {
  return fromHex(h).reverse()
}
