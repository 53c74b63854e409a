import { describe, it, expect } from 'vitest'
import { encodeRecord, RecordType } from '../../../../devchain/chain/recordLog.ts'
import { findDamage, LogDamagedError, openRecordLog } from '../../../../devchain/chain/logIntegrity.ts'
import { MemoryStore } from './memoryStore.ts'

const rec = (type: RecordType, n: number) => encodeRecord(type, new Uint8Array(n).fill(n))
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
const meta = rec(RecordType.Meta, 5)
const block = (n: number) => rec(RecordType.Block, 20 + n)

function storeWith(bytes: Uint8Array): MemoryStore {
  const s = new MemoryStore()
  s.log = bytes
  return s
}

describe('findDamage', () => {
  it('is null for a whole log and counts the intact records after a bad one', () => {
    const whole = join(meta, block(1), block(2), block(3))
    expect(findDamage(whole, whole.length, 0)).toBeNull()
    const bad = whole.slice()
    bad[meta.length + 12] ^= 1
    expect(findDamage(bad, meta.length, 0)).toEqual({
      at: meta.length, bytes: bad.length - meta.length, intactAfter: 2,
      detail: `a block record of ${block(1).length} bytes whose checksum does not match`,
    })
  })
})

describe('openRecordLog', () => {
  const opts = (warn: string[], recover = false) => ({ from: 0, baseHeight: 0, recover, warn: (l: string) => void warn.push(l) })

  it('drops a torn tail (a last write cut short, or zeros after it) and logs it', async () => {
    for (const tail of [block(9).subarray(0, 15), new Uint8Array(40), join(block(9).subarray(0, 30), new Uint8Array(8))]) {
      const whole = join(meta, block(1))
      const store = storeWith(join(whole, tail))
      const warn: string[] = []
      const { records, log } = await openRecordLog(store, opts(warn))
      expect(records.map((r) => r.type)).toEqual([RecordType.Meta, RecordType.Block])
      expect(store.log.length).toBe(whole.length)
      expect(log.size).toBe(whole.length)
      expect(warn).toHaveLength(1)
      expect(warn[0]).toContain(`dropped a torn tail of ${tail.length} bytes`)
      expect(warn[0]).toContain('height 1')
    }
  })

  it('treats a tail read from a snapshot offset the same way, with the snapshot height in messages', async () => {
    const head = join(meta, block(1))
    const store = storeWith(join(head, block(2), block(3).subarray(0, 10)))
    const warn: string[] = []
    const { records } = await openRecordLog(store, { from: head.length, baseHeight: 1, recover: false, warn: (l) => void warn.push(l) })
    expect(records.map((r) => r.end)).toEqual([head.length + block(2).length])
    expect(warn[0]).toContain('height 2')
  })

  it('refuses damage followed by intact records, and a bad first record, without touching the log', async () => {
    const bad = join(meta, block(1), block(2))
    bad[meta.length + 4] ^= 0xff // block 1's checksum
    for (const bytes of [bad, join(new Uint8Array(9), meta), meta.subarray(0, 12)]) {
      const store = storeWith(bytes.slice())
      const err = await openRecordLog(store, opts([])).then(() => null, (e: unknown) => e)
      expect(err).toBeInstanceOf(LogDamagedError)
      expect((err as Error).message).toContain('--recover')
      expect(store.log).toEqual(bytes)
      expect(store.backups).toHaveLength(0)
    }
  })

  it('with recover, keeps a copy, cuts at the last good record and says where', async () => {
    const bytes = join(meta, block(1), block(2), block(3))
    bytes[meta.length + block(1).length + 10] ^= 1 // block 2's body
    const store = storeWith(bytes.slice())
    const warn: string[] = []
    const { records, log } = await openRecordLog(store, opts(warn, true))
    expect(records).toHaveLength(2)
    expect(store.backups).toEqual([bytes])
    expect(store.log.length).toBe(meta.length + block(1).length)
    expect(log.size).toBe(store.log.length)
    expect(warn[0]).toMatch(/Kept a copy of the whole log \(\d+ bytes\) at backup 1, cut the log at byte \d+ .*starts at height 1/)
  })
})
