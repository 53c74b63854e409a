/** Wallet public keys come from OpenSSL (no noble precomputation at start); they must match noble's. */
import { describe, it, expect } from 'vitest'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keyFromPrivate } from '../../../devchain/crypto/keys.ts'
import { sha256, toHex, fromHex } from '../../../devchain/crypto/hash.ts'

describe('keyFromPrivate', () => {
  it('derives the same compressed public key as noble for many keys, both parities', () => {
    const parities = new Set<number>()
    for (let i = 0; i < 64; i++) {
      const priv = sha256(new TextEncoder().encode(`k${i}`))
      const k = keyFromPrivate(priv)
      const expected = secp256k1.getPublicKey(priv, true)
      expect(k.pubHex).toBe(toHex(expected))
      expect(k.pub).toBeInstanceOf(Uint8Array)
      expect(k.pub.length).toBe(33)
      parities.add(k.pub[0])
    }
    expect([...parities].sort()).toEqual([2, 3])
  })

  it('matches the secp256k1 generator for private key 1 and n-1', () => {
    expect(keyFromPrivate(fromHex('00'.repeat(31) + '01')).pubHex).toBe('0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798')
    expect(keyFromPrivate(fromHex('fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140')).pubHex).toBe('0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798')
  })

  it('refuses zero and keys at or above the group order', () => {
    expect(() => keyFromPrivate(new Uint8Array(32))).toThrow()
    expect(() => keyFromPrivate(fromHex('fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141'))).toThrow()
  })
})
