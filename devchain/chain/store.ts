/**
 * Append-only, crash-safe log: `[u32 length][u32 crc32][payload]` records in `chain.log`.
 * Records are buffered and written + fsync'd in one go by `flush()`, which the RPC layer calls
 * before a state-changing call returns (one fsync per `generate`, however many blocks).
 * On load, a torn or corrupt tail (bad length or checksum) is cut off: everything before it is
 * whole, and everything a call ever returned was flushed before it returned.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'

export const enum RecordType {
  Meta = 1,
  Block = 2,
  Tx = 3,
  Key = 4,
  Pubkey = 5,
  Mining = 6,
}

export interface LogRecord {
  type: RecordType
  body: Uint8Array
}

export interface Store {
  append(type: RecordType, body: Uint8Array): void
  flush(): void
  close(): void
  readonly dirty: boolean
}

/** A store for `dataDir: null`: nothing is kept. */
export class MemoryStore implements Store {
  readonly dirty = false
  append(): void {}
  flush(): void {}
  close(): void {}
}

export class FileStore implements Store {
  private fd: number
  private pending: Uint8Array[] = []
  private pendingLen = 0
  readonly path: string

  private constructor(path: string, fd: number) {
    this.path = path
    this.fd = fd
  }

  get dirty(): boolean {
    return this.pending.length > 0
  }

  /** Opens (creating) the log and returns the intact records. */
  static open(dir: string, reset: boolean): { store: FileStore; records: LogRecord[] } {
    mkdirSync(dir, { recursive: true })
    const path = join(dir, 'chain.log')
    if (reset && existsSync(path)) rmSync(path)
    const records: LogRecord[] = []
    let good = 0
    if (existsSync(path)) {
      const buf = readFileSync(path)
      let pos = 0
      while (pos + 8 <= buf.length) {
        const len = buf.readUInt32LE(pos)
        const sum = buf.readUInt32LE(pos + 4)
        if (len < 1 || pos + 8 + len > buf.length) break
        const payload = buf.subarray(pos + 8, pos + 8 + len)
        if ((crc32(payload) >>> 0) !== sum) break
        records.push({ type: payload[0] as RecordType, body: new Uint8Array(payload.subarray(1)) })
        pos += 8 + len
        good = pos
      }
    }
    const fd = openSync(path, 'a+')
    if (fstatSync(fd).size !== good) {
      ftruncateSync(fd, good) // drop a torn tail so new records follow whole ones
      fsyncSync(fd)
    }
    return { store: new FileStore(path, fd), records }
  }

  append(type: RecordType, body: Uint8Array): void {
    const rec = new Uint8Array(9 + body.length)
    const view = new DataView(rec.buffer)
    view.setUint32(0, body.length + 1, true)
    rec[8] = type
    rec.set(body, 9)
    view.setUint32(4, crc32(rec.subarray(8)) >>> 0, true)
    this.pending.push(rec)
    this.pendingLen += rec.length
  }

  flush(): void {
    if (!this.pending.length) return
    const all = Buffer.allocUnsafe(this.pendingLen)
    let o = 0
    for (const r of this.pending) {
      all.set(r, o)
      o += r.length
    }
    this.pending = []
    this.pendingLen = 0
    let written = 0
    while (written < all.length) written += writeSync(this.fd, all, written)
    fsyncSync(this.fd)
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}
