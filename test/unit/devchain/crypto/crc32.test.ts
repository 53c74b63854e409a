import { describe, it, expect } from 'vitest'
import { crc32 as zlibCrc32 } from 'node:zlib'
import { crc32 } from '../../../../devchain/crypto/crc32.ts'

describe('crc32', () => {
  it('equals zlib on every length around the 8-byte stride, and continues like it', () => {
    const data = new Uint8Array(1000)
    for (let i = 0; i < data.length; i++) data[i] = (i * 131 + 7) & 0xff
    for (let n = 0; n < 40; n++) expect(crc32(data.subarray(0, n))).toBe(zlibCrc32(data.subarray(0, n)) >>> 0)
    expect(crc32(data)).toBe(zlibCrc32(data) >>> 0)
    expect(crc32(data.subarray(500), crc32(data.subarray(0, 500)))).toBe(zlibCrc32(data) >>> 0)
  })

  it('has the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })
})
