/**
 * HashRows: the 32-byte rows and their open-addressing index answer what a Map from hash to row
 * would, through growth, colliding buckets and a truncation.
 */
import { describe, it, expect } from 'vitest'
import { HashRows } from '../../../../devchain/chain/hashRows.ts'
import { hashToHex } from '../../../../devchain/crypto/hash.ts'

/** Deterministic pseudo-random bytes (xorshift), so a failure replays. */
function bytesFrom(seed: number, n: number): Uint8Array {
  let x = seed * 2654435761 + 1
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

describe('HashRows', () => {
  it('finds every hash at its row through several doublings, and nothing else', () => {
    const rows = new HashRows()
    const hashes = Array.from({ length: 5000 }, (_, i) => bytesFrom(i + 1, 32))
    hashes.forEach((h, i) => expect(rows.push(h)).toBe(i))
    expect(rows.count).toBe(5000)
    hashes.forEach((h, i) => {
      expect(rows.find(h)).toBe(i)
      expect(rows.hex(i)).toBe(hashToHex(h))
      expect([...rows.at(i)]).toEqual([...h])
    })
    for (let i = 0; i < 200; i++) expect(rows.find(bytesFrom(100_000 + i, 32))).toBe(-1)
  })

  it('tells apart hashes that share their bucket bytes', () => {
    const rows = new HashRows()
    const a = bytesFrom(7, 32)
    const b = a.slice()
    b[31] ^= 1 // same first four bytes: same bucket
    const c = a.slice()
    c[4] ^= 0x80
    rows.push(a)
    rows.push(b)
    expect(rows.find(a)).toBe(0)
    expect(rows.find(b)).toBe(1)
    expect(rows.find(c)).toBe(-1)
  })

  it('forgets the rows after a truncation and reuses their places', () => {
    const rows = new HashRows()
    const hashes = Array.from({ length: 3000 }, (_, i) => bytesFrom(i + 9, 32))
    for (const h of hashes) rows.push(h)
    rows.truncate(1000)
    expect(rows.count).toBe(1000)
    expect(rows.find(hashes[999])).toBe(999)
    expect(rows.find(hashes[1000])).toBe(-1)
    expect(rows.find(hashes[2999])).toBe(-1)
    expect(rows.push(hashes[2999])).toBe(1000)
    expect(rows.find(hashes[2999])).toBe(1000)
    expect(rows.hex(1000)).toBe(hashToHex(hashes[2999]))
  })
})

describe('HashRows hex', () => {
  it('finds and writes hashes as komodod displays them, lowercase only', () => {
    const rows = new HashRows()
    const h = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)
    const shown = hashToHex(h)
    expect(rows.pushHex(shown)).toBe(0)
    expect([...rows.at(0)]).toEqual([...h])
    expect(rows.findHex(shown)).toBe(0)
    expect(rows.findHex(shown.toUpperCase())).toBe(-1)
    expect(rows.findHex(shown.slice(2))).toBe(-1)
    expect(rows.findHex(shown.slice(0, 62) + 'zz')).toBe(-1)
    expect(() => rows.pushHex('nothex')).toThrow()
    const out = new Uint8Array(70)
    rows.hexInto(0, out, 3)
    expect(new TextDecoder().decode(out.subarray(3, 67))).toBe(shown)
    expect([...out.subarray(0, 3), ...out.subarray(67)]).toEqual([0, 0, 0, 0, 0, 0])
  })
})
