import { describe, it, expect } from 'vitest'
import { RecordLog, RecordType, encodeRecord, scanRecords } from '../../../../devchain/chain/recordLog.ts'
import { MemoryStore } from './memoryStore.ts'

const bytes = (...xs: number[]) => Uint8Array.from(xs)

describe('record log', () => {
  it('frames records as [length][crc32][type][body] and reads them back with their end offsets', () => {
    const rec = encodeRecord(RecordType.Block, bytes(1, 2, 3))
    expect([...rec.subarray(0, 4)]).toEqual([4, 0, 0, 0])
    expect(rec[8]).toBe(RecordType.Block)
    const two = new Uint8Array([...rec, ...encodeRecord(RecordType.Key, bytes(9))])
    const { records, good } = scanRecords(two, 100)
    expect(good).toBe(two.length)
    expect(records.map((r) => [r.type, [...r.body], r.end])).toEqual([
      [RecordType.Block, [1, 2, 3], 100 + rec.length],
      [RecordType.Key, [9], 100 + two.length],
    ])
  })

  it('stops at the first record that is not intact', () => {
    const a = encodeRecord(RecordType.Meta, bytes(1))
    const b = encodeRecord(RecordType.Block, bytes(2, 2))
    const log = new Uint8Array([...a, ...b, ...a])
    log[a.length + 9] ^= 1 // a flipped body byte in the second record
    expect(scanRecords(log)).toMatchObject({ good: a.length, records: [{ type: RecordType.Meta }] })
    expect(scanRecords(log.subarray(0, a.length + 5)).good).toBe(a.length) // a header cut short
  })

  it('writes nothing until flush, then one append per flush, in order', async () => {
    const store = new MemoryStore()
    const log = new RecordLog(store, 0)
    log.append(RecordType.Meta, bytes(1))
    log.append(RecordType.Block, bytes(2))
    expect(log.dirty).toBe(true)
    expect(store.log.length).toBe(0)
    const size = log.size
    const first = log.flush()
    log.append(RecordType.Tx, bytes(3))
    await Promise.all([first, log.flush()])
    expect(store.appends).toBe(2)
    expect(store.log.length).toBe(log.size)
    expect(scanRecords(store.log).records.map((r) => r.type)).toEqual([RecordType.Meta, RecordType.Block, RecordType.Tx])
    await log.truncate(size)
    expect(store.log.length).toBe(size)
    expect(log.size).toBe(size)
  })

  it('fails every flush after a failed write: no call reports state the store does not hold', async () => {
    const store = new MemoryStore()
    const log = new RecordLog(store, 0)
    store.failNextAppend = new Error('disk full')
    log.append(RecordType.Block, bytes(1))
    await expect(log.flush()).rejects.toThrow('disk full')
    log.append(RecordType.Block, bytes(2))
    await expect(log.flush()).rejects.toThrow(/could not write the chain log at memory: disk full/)
    expect(store.log.length).toBe(0)
  })
})
