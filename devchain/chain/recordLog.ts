/**
 * The chain's append-only record log, platform-free: framing, reading back, and the durability
 * point, over whatever `ChainStore` the platform gives (a file in Node, IndexedDB in a browser).
 *
 * A record is `[u32 length][u32 crc32][type][body]` (little-endian; length and CRC cover type+body).
 * Records are buffered and handed to the store in one piece by `flush()`, which the core awaits
 * before a state-changing call returns (one fsync per `generate`, however many blocks). So a crash
 * can only tear records no answer ever promised.
 */
import { crc32 } from '../crypto/crc32.ts'
import type { ChainStore } from './store.ts'
import { joinParts, type SnapshotCover, type SnapshotOut } from './snapshot.ts'

export const enum RecordType {
  Meta = 1,
  Block = 2,
  Tx = 3,
  Key = 4,
  Pubkey = 5,
  Mining = 6,
}

const MAX_TYPE = RecordType.Mining

export interface LogRecord {
  type: RecordType
  body: Uint8Array
  /** Log offset just past this record (a checkpoint or snapshot taken here covers it). */
  end: number
  /** The record's CRC-32 (a snapshot names the last record it covers by offset and CRC). */
  crc: number
}

/** The last record of the log, as a snapshot covering the whole log names it. */
export interface LastRecord {
  start: number
  end: number
  crc: number
}

export function encodeRecord(type: RecordType, body: Uint8Array): Uint8Array {
  const rec = new Uint8Array(9 + body.length)
  const view = new DataView(rec.buffer)
  view.setUint32(0, body.length + 1, true)
  rec[8] = type
  rec.set(body, 9)
  view.setUint32(4, crc32(rec.subarray(8)), true)
  return rec
}

/** Length of the whole record starting at `pos` when it is intact, else 0. */
export function recordAt(buf: Uint8Array, view: DataView, pos: number): number {
  if (pos + 9 > buf.length) return 0
  const len = view.getUint32(pos, true)
  if (len < 1 || pos + 8 + len > buf.length) return 0
  const type = buf[pos + 8]
  if (type < 1 || type > MAX_TYPE) return 0
  if (crc32(buf.subarray(pos + 8, pos + 8 + len)) !== view.getUint32(pos + 4, true)) return 0
  return 8 + len
}

/**
 * Reads the intact records from the start of `bytes` (a log read from offset `base`) up to the
 * first record that is not intact. `good` is the offset (relative to `bytes`) where it stops.
 */
export function scanRecords(bytes: Uint8Array, base = 0): { records: LogRecord[]; good: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const records: LogRecord[] = []
  let pos = 0
  for (;;) {
    const n = recordAt(bytes, view, pos)
    if (!n) break
    records.push({ type: bytes[pos + 8] as RecordType, body: bytes.subarray(pos + 9, pos + n), end: base + pos + n, crc: view.getUint32(pos + 4, true) })
    pos += n
  }
  return { records, good: pos }
}

export class RecordLog {
  private pending: Uint8Array[] = []
  private pendingLen = 0
  /** Bytes the store holds (or is being given) — the offset the first pending record will start at. */
  private stored: number
  /** Writes run one after another; each flush waits for all earlier ones. */
  private writing: Promise<void> = Promise.resolve()
  private failure: Error | null = null
  /** The last record appended or read (null after a truncation, until the next append). */
  private last: LastRecord | null
  /** Log offset the stored snapshot covers (0: none). */
  snapshotOffset = 0

  constructor(
    readonly store: ChainStore,
    size: number,
    last: LastRecord | null = null,
  ) {
    this.stored = size
    this.last = last && last.end === size ? last : null
  }

  get dirty(): boolean {
    return this.pending.length > 0
  }

  /** The offset the next record will start at (pending records included). */
  get size(): number {
    return this.stored + this.pendingLen
  }

  append(type: RecordType, body: Uint8Array): void {
    const rec = encodeRecord(type, body)
    const start = this.size
    this.last = { start, end: start + rec.length, crc: new DataView(rec.buffer).getUint32(4, true) }
    this.pending.push(rec)
    this.pendingLen += rec.length
  }

  /** Hands the pending records to the store; resolves once they (and every earlier flush) are durable. */
  flush(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.pending.length) {
      const all = new Uint8Array(this.pendingLen)
      let o = 0
      for (const r of this.pending) {
        all.set(r, o)
        o += r.length
      }
      this.pending = []
      this.stored += this.pendingLen
      this.pendingLen = 0
      this.writing = this.writing.then(() => this.store.appendLog(all))
      // Once a write failed the log on the store no longer matches the chain in memory: every later
      // flush fails too, so no call reports success for state that is not stored.
      this.writing.catch((e: unknown) => {
        this.failure ??= new Error(`could not write the chain log at ${this.store.location}: ${e instanceof Error ? e.message : String(e)}`)
      })
    }
    return this.writing
  }

  /**
   * Cuts the log back to `offset` (a record boundary); pending records are dropped. A snapshot
   * covering more than the cut log is deleted first: it would hold state the log no longer has.
   */
  async truncate(offset: number): Promise<void> {
    await this.writing
    this.pending = []
    this.pendingLen = 0
    if (this.snapshotOffset > offset) {
      await this.store.deleteSnapshot()
      this.snapshotOffset = 0
    }
    await this.store.truncateLog(offset)
    this.stored = offset
    this.last = null
  }

  /**
   * Flushes, then (when nothing was appended meanwhile and the log grew since the last snapshot)
   * calls `write` with what the state covers and stores the snapshot it makes. `write` runs
   * synchronously right after the flush, so the state it reads is the log's state at that offset;
   * it hands the snapshot on in parts (straight to the store when it takes them: `beginSnapshot`)
   * and returns its first bytes, known last. Returns false when it wrote nothing.
   */
  async saveSnapshot(write: (cover: SnapshotCover, out: SnapshotOut) => Uint8Array): Promise<boolean> {
    await this.flush()
    const last = this.last
    if (this.dirty || !last || last.end !== this.size || this.size === this.snapshotOffset) return false
    const cover = { offset: last.end, lastStart: last.start, lastCrc: last.crc }
    let done: () => Promise<void>
    const writer = this.store.beginSnapshot?.()
    if (writer) {
      // Another file than the log's: made now, while the state is the covered one; made the
      // snapshot once the writes queued before it are done.
      try {
        const first = write(cover, (part) => writer.write(part))
        done = () => writer.finish(first)
      } catch (e) {
        writer.abort()
        throw e
      }
    } else {
      const parts: Uint8Array[] = []
      const bytes = joinParts(parts, write(cover, (part) => parts.push(part.slice())))
      done = () => this.store.writeSnapshot(bytes)
    }
    const stored = this.writing.then(done)
    // A failed snapshot costs a longer replay next start, not the log: later flushes go on.
    this.writing = stored.catch(() => undefined)
    await stored
    this.snapshotOffset = last.end
    return true
  }

  async close(): Promise<void> {
    try {
      await this.flush()
    } finally {
      await this.store.close()
    }
  }
}
