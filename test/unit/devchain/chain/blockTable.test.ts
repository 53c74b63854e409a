/**
 * BlockTable: blocks and their transactions read back from the columns exactly as they were added,
 * across byte chunks, column growth and a block that failed half-way (its transactions forgotten).
 */
import { describe, it, expect } from 'vitest'
import { BlockTable } from '../../../../devchain/chain/blockTable.ts'

const hashOf = (n: number) => {
  const h = new Uint8Array(32)
  new DataView(h.buffer).setUint32(0, n * 2654435761 >>> 0, true)
  h[31] = n & 0xff
  h[30] = (n >> 8) & 0xff
  return h
}

describe('BlockTable', () => {
  it('gives back each block and transaction as added, over several chunks', () => {
    const t = new BlockTable()
    const chunks = [new Uint8Array(4096), new Uint8Array(4096)]
    chunks.forEach((c, k) => c.forEach((_, i) => (c[i] = (i * 7 + k) & 0xff)))
    const expected: { size: number; start: number; chunk: number; txs: [number, number][] }[] = []
    let txn = 0
    for (let h = 0; h < 3000; h++) {
      const chunk = h < 1500 ? 0 : 1
      const start = (h * 13) % 3000
      const size = 100 + (h % 50)
      const ntx = 1 + (h % 4)
      const firstTx = t.txCount
      const txs: [number, number][] = []
      for (let i = 0; i < ntx; i++) {
        const span: [number, number] = [10 + i * 20, 10 + i * 20 + 15]
        t.addTx(hashOf(1_000_000 + txn++), h, span[0], span[1], 1000 + h, i === 0 ? 0 : i * 1e8 + 0.5)
        txs.push(span)
      }
      expect(t.addBlock(hashOf(h), 500 + h, chunks[chunk], start, size, firstTx)).toBe(h)
      expected.push({ size, start, chunk, txs })
    }
    expect(t.blockCount).toBe(3000)
    let row = 0
    expected.forEach((e, h) => {
      expect(t.blockTime(h)).toBe(500 + h)
      expect(t.blockSize(h)).toBe(e.size)
      expect(t.blockHashes.find(hashOf(h))).toBe(h)
      const raw = t.blockRaw(h)
      expect(raw.buffer).toBe(chunks[e.chunk].buffer)
      expect([...raw]).toEqual([...chunks[e.chunk].subarray(e.start, e.start + e.size)])
      const [first, end] = t.txRows(h)
      expect([first, end]).toEqual([row, row + e.txs.length])
      e.txs.forEach((span, i) => {
        expect(t.txids.find(hashOf(1_000_000 + row))).toBe(row)
        expect(t.txHeightOf(row)).toBe(h)
        expect(t.txIndexOf(row)).toBe(i)
        expect(t.txTimeOf(row)).toBe(1000 + h)
        expect(t.txFeeOf(row)).toBe(i === 0 ? 0 : i * 1e8 + 0.5)
        expect(t.txSpan(row)).toEqual(span)
        expect([...t.txRaw(row)]).toEqual([...raw.subarray(span[0], span[1])])
        row++
      })
    })
  })

  it('forgets the transactions of a block that was not added', () => {
    const t = new BlockTable()
    const bytes = new Uint8Array(64)
    t.addTx(hashOf(1), 0, 0, 10, 1, 0)
    t.addBlock(hashOf(100), 1, bytes, 0, 64, 0)
    t.addTx(hashOf(2), 1, 0, 10, 2, 0)
    t.addTx(hashOf(3), 1, 10, 20, 2, 5)
    t.truncateTxs(1)
    expect(t.txCount).toBe(1)
    expect(t.txids.find(hashOf(2))).toBe(-1)
    t.addTx(hashOf(4), 1, 0, 10, 3, 0)
    t.addBlock(hashOf(101), 3, bytes, 0, 64, 1)
    expect(t.txRows(1)).toEqual([1, 2])
    expect(t.txids.find(hashOf(4))).toBe(1)
  })
})
