/**
 * What a start does with a log that is not whole. Platform-free: the same rules hold for a file and
 * for IndexedDB.
 *
 *  - A **torn tail**: the log ends in bytes that do not form a record, and no intact record follows
 *    them. A crash cut the last write short; no answer promised those records (the core flushes
 *    before it answers), so they are dropped and the drop is logged with what was lost.
 *  - **Damage**: anything else — a bad record with intact records after it (a flipped byte
 *    mid-file, two writers interleaved), a first record that is not intact, a record replay
 *    cannot apply. The start stops with `LogDamagedError`, which says where and points to
 *    `--recover`. With `recover`, a copy of the whole log is kept first, then the log is cut at the
 *    last good record and the chain starts at the last good height. Never a silent restart from
 *    genesis.
 */
import { RecordLog, RecordType, recordAt, scanRecords, type LastRecord, type LogRecord } from './recordLog.ts'
import type { ChainStore } from './store.ts'

/** Thrown when the log is damaged other than by a torn tail and `recover` is off. */
export class LogDamagedError extends Error {
  constructor(
    message: string,
    /** Offset of the first byte that is not part of a good record: where `--recover` cuts. */
    readonly at: number,
  ) {
    super(message)
    this.name = 'LogDamagedError'
  }
}

export interface LogDamage {
  /** Log offset of the first byte that is not part of an intact record. */
  at: number
  /** Bytes from `at` to the end of the log. */
  bytes: number
  /** What the bytes at `at` are, as far as their header can be read. */
  detail: string
  /** Intact records found after the damaged spot (0: nothing whole follows). */
  intactAfter: number
}

const TYPE_NAMES: Record<number, string> = {
  [RecordType.Meta]: 'meta', [RecordType.Block]: 'block', [RecordType.Tx]: 'tx',
  [RecordType.Key]: 'key', [RecordType.Pubkey]: 'pubkey', [RecordType.Mining]: 'mining',
}

export const recordTypeName = (t: number): string => TYPE_NAMES[t] ?? `unknown (type ${t})`

function describe(bytes: Uint8Array, view: DataView, pos: number): string {
  const left = bytes.length - pos
  if (left < 9) return `a record header cut short (${left} of at least 9 bytes)`
  const len = view.getUint32(pos, true)
  if (len < 1) return 'a record of length 0'
  const kind = `a ${recordTypeName(bytes[pos + 8])} record of ${8 + len} bytes`
  return pos + 8 + len > bytes.length ? `${kind} with only ${left} present` : `${kind} whose checksum does not match`
}

/** Where the log read from `base` stops being whole (`good` bytes into `bytes`), and what follows. */
export function findDamage(bytes: Uint8Array, good: number, base: number): LogDamage | null {
  if (good >= bytes.length) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let intactAfter = 0
  for (let q = good + 1; q + 9 <= bytes.length; q++) {
    if (recordAt(bytes, view, q)) {
      intactAfter = scanRecords(bytes.subarray(q)).records.length
      break
    }
  }
  return { at: base + good, bytes: bytes.length - good, detail: describe(bytes, view, good), intactAfter }
}

export interface OpenLogOptions {
  /** Offset to read from (what a snapshot covers), 0 for the whole log. */
  from: number
  /** Height reached before `from` (the snapshot's), for messages. */
  baseHeight: number
  recover: boolean
  warn: (line: string) => void
  /** The record ending at `from` (a snapshot names it), for a log with no records after it. */
  before?: LastRecord
}

function lastOf(records: readonly LogRecord[], before: LastRecord | undefined): LastRecord | null {
  const r = records[records.length - 1]
  return r ? { start: r.end - 9 - r.body.length, end: r.end, crc: r.crc } : (before ?? null)
}

const blocksIn = (records: readonly LogRecord[]): number => records.reduce((n, r) => n + (r.type === RecordType.Block ? 1 : 0), 0)

/** `--recover`'s cut: a copy of the whole log first, then the log ends at `at`. */
export async function cutLog(store: ChainStore, at: number, why: string, height: number, warn: (line: string) => void): Promise<void> {
  const total = await store.logSize()
  const copy = await store.backupLog()
  // A snapshot may cover records past the cut; the whole remaining log is replayed instead.
  await store.deleteSnapshot()
  await store.truncateLog(at)
  warn(`devchain: recovering ${store.location}: ${why}. Kept a copy of the whole log (${total} bytes) at ${copy}, cut the log at byte ${at} (${total - at} bytes dropped); the chain starts at height ${height}, its last good record.`)
}

export function damageMessage(location: string, at: number, what: string, height: number): string {
  return (
    `devchain: the chain log in ${location} is damaged at byte ${at}: ${what}. The chain was not started, and nothing was changed. ` +
    `To start from the last good record (height ${height}), run again with --recover: it keeps a copy of the whole log beside it, ` +
    `then cuts the log at byte ${at}. Or restore the data directory from a backup, or start over with --reset.`
  )
}

/**
 * Reads the log from `opts.from`, applies the rules above, and returns the records to replay and the
 * log to append to.
 */
export async function openRecordLog(store: ChainStore, opts: OpenLogOptions, read?: Uint8Array): Promise<{ log: RecordLog; records: LogRecord[] }> {
  const bytes = read ?? (await store.readLog(opts.from))
  const { records, good } = scanRecords(bytes, opts.from)
  const damage = findDamage(bytes, good, opts.from)
  if (!damage) return { log: new RecordLog(store, opts.from + bytes.length, lastOf(records, opts.before)), records }
  const height = opts.baseHeight + blocksIn(records)
  const firstBad = opts.from === 0 && records.length === 0
  if (!damage.intactAfter && !firstBad) {
    await store.truncateLog(damage.at)
    opts.warn(`devchain: dropped a torn tail of ${damage.bytes} bytes at the end of ${store.location}'s log (byte ${damage.at}: ${damage.detail}); a crash cut that write short before any answer relied on it. The chain is at height ${height}.`)
    return { log: new RecordLog(store, damage.at, lastOf(records, opts.before)), records }
  }
  const what = firstBad
    ? `its first record is not intact (${damage.detail}), so the chain's identity cannot be read`
    : `${damage.detail}, and ${damage.intactAfter} intact records follow it (${damage.bytes} bytes from there to the end)`
  if (!opts.recover) throw new LogDamagedError(damageMessage(store.location, damage.at, what, height), damage.at)
  await cutLog(store, damage.at, what, height, opts.warn)
  return { log: new RecordLog(store, damage.at, lastOf(records, opts.before)), records }
}
