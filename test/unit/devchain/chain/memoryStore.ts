/** A `ChainStore` kept in memory, for unit tests of the platform-free log and snapshot code. */
import type { ChainStore } from '../../../../devchain/chain/store.ts'

export class MemoryStore implements ChainStore {
  readonly location = 'memory'
  log: Uint8Array = new Uint8Array(0)
  snapshot: Uint8Array | null = null
  backups: Uint8Array[] = []
  appends = 0
  failNextAppend: Error | null = null
  isOpen = false
  /** Offsets `readLog` was called with. */
  reads: number[] = []

  async open(): Promise<void> {
    this.isOpen = true
  }
  async logSize(): Promise<number> {
    return this.log.length
  }
  async readLog(offset: number): Promise<Uint8Array> {
    this.reads.push(offset)
    return this.log.slice(offset)
  }
  async appendLog(bytes: Uint8Array): Promise<void> {
    if (this.failNextAppend) {
      const e = this.failNextAppend
      this.failNextAppend = null
      throw e
    }
    const next = new Uint8Array(this.log.length + bytes.length)
    next.set(this.log)
    next.set(bytes, this.log.length)
    this.log = next
    this.appends++
  }
  async truncateLog(size: number): Promise<void> {
    this.log = this.log.slice(0, size)
  }
  async backupLog(): Promise<string> {
    this.backups.push(this.log.slice())
    return `backup ${this.backups.length}`
  }
  async readSnapshot(): Promise<Uint8Array | null> {
    return this.snapshot && this.snapshot.slice()
  }
  /** Ranges asked of the snapshot, as [start, end]. */
  snapshotRanges: [number, number][] = []
  async readSnapshotRange(start: number, end: number): Promise<Uint8Array | null> {
    this.snapshotRanges.push([start, end])
    return this.snapshot && this.snapshot.slice(start, end)
  }
  async writeSnapshot(bytes: Uint8Array): Promise<void> {
    this.snapshot = bytes.slice()
  }
  async deleteSnapshot(): Promise<void> {
    this.snapshot = null
  }
  async clear(): Promise<void> {
    this.log = new Uint8Array(0)
    this.snapshot = null
  }
  async close(): Promise<void> {
    this.isOpen = false
  }
}
