import { createBase58check } from '@scure/base'
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { base58checkDecode, sha256 } from '../../../protocol/base58check.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const reference = createBase58check(nobleSha256)

describe('the small SHA-256 and Base58Check used in the browser', () => {
  it('hashes like @noble/hashes across block boundaries', () => {
    for (const n of [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff)
      expect(hex(sha256(data))).toBe(hex(nobleSha256(data)))
    }
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('decodes what @scure/base encodes, leading zeros included, and refuses bad checksums', () => {
    for (const payload of [Uint8Array.of(60, ...new Array(20).fill(7)), Uint8Array.of(0, 0, 1, 2), Uint8Array.of(0x80, ...new Array(32).fill(255))]) {
      const text = reference.encode(payload)
      expect(hex(base58checkDecode(text)!)).toBe(hex(payload))
      const broken = text.slice(0, -1) + (text.endsWith('2') ? '3' : '2')
      expect(base58checkDecode(broken)).toBeNull()
    }
    expect(base58checkDecode('0OIl')).toBeNull()
  })
})
