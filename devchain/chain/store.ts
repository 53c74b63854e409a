/**
 * The one storage seam of the chain engine: what a platform must provide so a chain's data survives
 * a restart. The engine (record framing, integrity checks, replay, snapshots) is platform-free and
 * sits on top of it in `recordLog.ts` and `snapshot.ts`; a backend only moves bytes.
 *
 * Two things are stored per data location:
 *  - the **log**: one append-only byte sequence of framed records (`recordLog.ts`). Offsets are byte
 *    offsets into it; a checkpoint is an offset, a snapshot says which offset it covers.
 *  - the **snapshot**: one blob, replaced whole (the latest only). The engine checksums it; the
 *    backend only has to make the replacement atomic (old or new blob after a crash, never a mix).
 *
 * Node: `devchain/platform/node/fileStore.ts` (`chain.log` + `snapshot.bin` in the data directory,
 * a lock file, fsync).
 *
 * How a browser backend implements it (IndexedDB, e.g. with `idb`):
 *  - `open()`: take the one-writer lock first (`navigator.locks.request(name, { ifAvailable: true })`,
 *    held until `close()`); when it is not available throw `StoreLockedError` naming the holder
 *    (another tab). Then open the database (object stores `log` and `snapshot`).
 *  - the log: keep one record per `appendLog` call, keyed by its start offset (a number key), value
 *    the bytes. `readLog(from)` concatenates the values with key ≥ the chunk holding `from` and cuts
 *    the first at `from`; `logSize()` is the last key plus its length (or keep it in a `meta` row).
 *    `appendLog` writes one chunk in one `readwrite` transaction and resolves on `tx.done` (that is
 *    IndexedDB's durability point; use `{ durability: 'strict' }` where supported).
 *    `truncateLog(size)`: delete the keys ≥ size and cut the chunk straddling it, in one transaction.
 *    IndexedDB transactions are atomic, so a browser log never has a torn tail; the engine's checks
 *    still run and simply find none.
 *  - `backupLog()`: copy the chunks to a `log-backup-<time>` store (or one blob row) and return its name.
 *  - the snapshot: one row (`put` replaces atomically); `readSnapshot` returns null when absent.
 *  - `clear()`: delete every row of both stores; `close()`: close the database, release the lock.
 *  - Bytes may be stored as `Uint8Array` directly (structured clone); return fresh `Uint8Array`s.
 * The engine never calls two methods at once: each call is awaited before the next is made.
 */

/** Thrown by `open()` when another process or tab holds the data location. */
export class StoreLockedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreLockedError'
  }
}

export interface ChainStore {
  /** Where the data lives, for messages: a directory, a database name. */
  readonly location: string
  /** Takes exclusive ownership of the location (creating it) or throws `StoreLockedError`. */
  open(): Promise<void>
  /** Size of the log in bytes. */
  logSize(): Promise<number>
  /** The log's bytes from `offset` to its end. */
  readLog(offset: number): Promise<Uint8Array>
  /** Appends bytes (whole records) at the end of the log; resolves once they are durable. */
  appendLog(bytes: Uint8Array): Promise<void>
  /** Cuts the log to its first `size` bytes, durably. */
  truncateLog(size: number): Promise<void>
  /** Keeps a copy of the whole log as it is now, beside it; returns where (a path or a name). */
  backupLog(): Promise<string>
  /** The latest snapshot blob, or null when there is none. */
  readSnapshot(): Promise<Uint8Array | null>
  /**
   * Bytes [start, end) of the snapshot blob (fewer where it ends), or null when there is none.
   * Optional: a start that answers before it restores its snapshot reads the snapshot's header
   * with it (a few KB of tens of MB); a store without it has its whole blob read instead.
   */
  readSnapshotRange?(start: number, end: number): Promise<Uint8Array | null>
  /** Replaces the snapshot blob atomically and durably. */
  writeSnapshot(bytes: Uint8Array): Promise<void>
  /**
   * Optional: a new snapshot blob written as it is made, so a snapshot of tens of MB is never held
   * whole in memory; a store without it is given the whole blob (`writeSnapshot`).
   */
  beginSnapshot?(): SnapshotWriter
  deleteSnapshot(): Promise<void>
  /** Deletes the log and the snapshot (start over); the store stays open. */
  clear(): Promise<void>
  /** Releases the location (and the lock). Nothing is written after it. */
  close(): Promise<void>
}

/** A snapshot blob being written (`ChainStore.beginSnapshot`). */
export interface SnapshotWriter {
  /** Appends a part; the bytes may be reused once it returns. */
  write(part: Uint8Array): void
  /** Overwrites the blob's first bytes with `first`, then replaces the snapshot with it, atomically and durably. */
  finish(first: Uint8Array): Promise<void>
  /** Drops what was written; the stored snapshot stays as it was. */
  abort(): void
}

/** Makes the store for a data location (the resolved `-datadir`): the platform's choice, passed in by the composition root. */
export type StoreFactory = (dataDir: string) => ChainStore
