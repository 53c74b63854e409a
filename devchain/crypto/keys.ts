/**
 * secp256k1 keys and Komodo's address encodings (reference §3.2): R-addresses (version 60),
 * P2SH (85), WIF (188, compressed), segid.
 */
import { platform } from '#platform'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { createBase58check } from '@scure/base'
import { hash160, sha256, toHex, fromHex } from './hash.ts'

import {
  R_ADDRESS_VERSION as PUBKEY_ADDRESS, SCRIPT_ADDRESS_VERSION as SCRIPT_ADDRESS, SECRET_KEY_VERSION as SECRET_KEY,
} from '../../protocol/addressVersions.ts'

export { PUBKEY_ADDRESS, SCRIPT_ADDRESS, SECRET_KEY }

// The checksum hashes through the platform (OpenSSL in Node): a JS SHA-256's first calls, before the
// JIT, cost a fresh chain process several ms of its start (every new wallet key encodes an address).
const b58c = createBase58check(sha256)

export interface KeyPair {
  priv: Uint8Array
  pub: Uint8Array // 33-byte compressed
  pubHex: string
  address: string
}

export function keyFromPrivate(priv: Uint8Array): KeyPair {
  if (!secp256k1.utils.isValidSecretKey(priv)) throw new Error('invalid private key')
  const pub = platform.publicKey(priv)
  return { priv, pub, pubHex: toHex(pub), address: addressFromPubkey(pub) }
}

/** Deterministic key for (seed, label): the same seed gives the same wallet on every run. */
export function keyFromSeed(seed: string, label: string): KeyPair {
  let priv = sha256(new TextEncoder().encode(`devchain:${seed}:${label}`))
  while (!secp256k1.utils.isValidSecretKey(priv)) priv = sha256(priv)
  return keyFromPrivate(priv)
}

export function encodeAddress(version: number, hash: Uint8Array): string {
  const payload = new Uint8Array(21)
  payload[0] = version
  payload.set(hash, 1)
  return b58c.encode(payload)
}

export function addressFromPubkey(pub: Uint8Array): string {
  return encodeAddress(PUBKEY_ADDRESS, hash160(pub))
}

export interface DecodedAddress {
  version: number
  hash: Uint8Array
}

/** null for anything that is not a valid R/P2SH address of this chain. */
export function decodeAddress(addr: string): DecodedAddress | null {
  if (typeof addr !== 'string' || addr.length < 26 || addr.length > 36) return null
  try {
    const raw = b58c.decode(addr)
    if (raw.length !== 21) return null
    if (raw[0] !== PUBKEY_ADDRESS && raw[0] !== SCRIPT_ADDRESS) return null
    return { version: raw[0], hash: raw.slice(1) }
  } catch {
    return null
  }
}

export function encodeWif(priv: Uint8Array): string {
  const payload = new Uint8Array(34)
  payload[0] = SECRET_KEY
  payload.set(priv, 1)
  payload[33] = 1
  return b58c.encode(payload)
}

export function decodeWif(wif: string): Uint8Array | null {
  try {
    const raw = b58c.decode(wif)
    if (raw[0] !== SECRET_KEY || (raw.length !== 34 && raw.length !== 33)) return null
    return raw.slice(1, 33)
  } catch {
    return null
  }
}

/** segid: first 4 bytes of SHA-256 of the address text, little-endian, & 63. */
export function segidOf(address: string): number {
  const h = sha256(new TextEncoder().encode(address))
  return (h[0] | (h[1] << 8) | (h[2] << 16) | (h[3] << 24)) & 0x3f
}

export function isPubkeyHex(s: unknown): s is string {
  if (typeof s !== 'string' || !/^0[23][0-9a-fA-F]{64}$/.test(s)) return false
  try {
    secp256k1.Point.fromHex(s)
    return true
  } catch {
    return false
  }
}

/** DER signature with low-S, deterministic (RFC 6979), so a seeded chain signs identically every run. */
export function signDer(hash32: Uint8Array, priv: Uint8Array): Uint8Array {
  return secp256k1.sign(hash32, priv, { prehash: false, format: 'der' })
}

export function verifyDer(sigDer: Uint8Array, hash32: Uint8Array, pub: Uint8Array): boolean {
  try {
    // komodod accepts high-S in consensus (only standardness refuses it); do not be stricter than that.
    return secp256k1.verify(sigDer, hash32, pub, { prehash: false, format: 'der', lowS: false })
  } catch {
    return false
  }
}

export { fromHex }
