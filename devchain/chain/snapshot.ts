/**
 * Snapshots of the chain state, platform-free (Node writes them beside the log, a browser in
 * IndexedDB, through the same `ChainStore`). A start loads the latest snapshot and replays only
 * the log records after the offset it covers; what it restores is exactly what replaying the log
 * up to that offset builds (test/unit/devchain/chain/snapshot.test.ts compares the two on
 * randomized chains). Restoring skips what makes replay slow: parsing blocks, hashing
 * transactions, classifying scripts and encoding addresses.
 *
 * Layout (format 3): `KJSN` | u32 version | u32 length of the rest | u32 CRC-32 of the rest | the
 *   rest: header JSON (what it covers, the core's small state) | u32 CRC-32 of the magic, version
 *   and header JSON | blocks (all raw bytes in one run, then per block its hash, time and
 *   transactions) | unspent coins | address and CC address indexes | spent index | mempool
 *   transactions | tables: string table (hashes, txids, addresses), scripts | u53 offset of the
 *   tables.
 * The header's own CRC lets a start answer the tip from the first few kilobytes of a snapshot of
 * tens of MB (`openSnapshotHead`), and check (`checkSteps`) and restore the whole afterwards. The
 * tables come last so a snapshot is written as it is made, through one reused buffer
 * (`writeSnapshotTo`): the tables are complete only at the end, and the length and CRC in the frame
 * are filled in then. Format 1 (header, tables, body; no header CRC) is still read, whole. Any
 * mismatch (magic, version, length, checksum, a read past the end) makes the snapshot unusable:
 * the start logs it and replays the whole log instead.
 */
import { crc32 } from '../crypto/crc32.ts'
import { Reader, Writer } from '../tx/bytes.ts'
import type { AddrEntry, Coin, Ledger, RestoredTx, SpentInfo } from './ledger.ts'
import { outpointKey } from './ledger.ts'
import type { BlockTable } from './blockTable.ts'
import type { HashRows } from './hashRows.ts'

const MAGIC = 0x4e534a4b // 'KJSN' little-endian
/** The version written; every version in READABLE is read. */
const VERSION = 3
const READABLE = [1, 3]
const HEAD = 16
/** What a start reads first (`openSnapshotHead`): the frame and, but for a wallet of thousands of keys, the header. */
export const SNAPSHOT_HEAD_READ = 1 << 16
/** Bytes checksummed between two yields of `checkSteps`. */
const CRC_STEP = 1 << 22

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SnapshotError'
  }
}

/** What a snapshot covers in the log: the state after the record that ends at `offset`. */
export interface SnapshotCover {
  offset: number
  /** Start of the last record covered and its CRC, to check that the log still holds that record. */
  lastStart: number
  lastCrc: number
}

/** The core's own small state (everything but the ledger). */
export interface CoreState {
  meta: string
  mining: string
  wallets: { node: string; pubkey: string | null; keys: { priv: string; labeled: boolean; created: number }[] }[]
}

export interface SnapshotHeader extends SnapshotCover {
  height: number
  tip: string
  core: CoreState
}

const TWO32 = 2 ** 32

function u53(w: Writer, v: number): void {
  w.u32(v % TWO32).u32(Math.floor(v / TWO32))
}
function readU53(r: Reader): number {
  return r.u32() + r.u32() * TWO32
}

/**
 * Ids of the strings a snapshot refers to, in the order its string table lists them: the block
 * hashes by height (from 1), the txids of the blocks' transactions in block order, then any other
 * string (addresses) as first met. A hash's or confirmed txid's id follows from where it sits in the
 * chain, so the hundreds of thousands of them on a long chain need no map of their own (a map was
 * tens of MB of garbage per snapshot).
 */
class StringIds {
  private readonly others = new Map<string, number>()
  readonly otherList: string[] = []
  private readonly blocks: number
  private readonly txRows: number
  private readonly otherBase: number

  constructor(private readonly table: BlockTable) {
    this.blocks = table.blockCount
    this.txRows = table.txCount
    // Hashes of heights 1…, then the txids of rows 1… (row 0 is the genesis coinbase).
    this.otherBase = this.blocks - 1 + this.txRows - 1
  }

  get count(): number {
    return this.otherBase + this.otherList.length
  }

  hash(height: number): number {
    return height - 1
  }

  /** Id of the confirmed transaction at a table row (from 1). */
  txRow(row: number): number {
    return this.blocks - 2 + row
  }

  txid(txid: string): number {
    const row = this.table.txids.findHex(txid)
    if (row > 0 && row < this.txRows) return this.txRow(row)
    return this.id(txid)
  }

  /** Ids below this are the hashes and txids, each 64 hex digits (`hexRuns`), the others are `otherList`'s. */
  get hexCount(): number {
    return this.otherBase
  }

  /** The hashes then txids, as ASCII hex straight from the table's rows, a run of up to `max` bytes at a time (a reused buffer). */
  *hexRuns(max: number): Generator<Uint8Array, void, void> {
    const run = new Uint8Array(max - (max % 64))
    let n = 0
    const rows: [HashRows, number][] = [[this.table.blockHashes, this.blocks], [this.table.txids, this.txRows]]
    for (const [hashes, end] of rows) {
      for (let r = 1; r < end; r++) {
        hashes.hexInto(r, run, n)
        n += 64
        if (n === run.length) {
          yield run
          n = 0
        }
      }
    }
    if (n > 0) yield run.subarray(0, n)
  }

  id(s: string): number {
    let i = this.others.get(s)
    if (i === undefined) {
      i = this.otherBase + this.otherList.length
      this.others.set(s, i)
      this.otherList.push(s)
    }
    return i
  }

}

function writeIndex(w: Writer, strings: StringIds, idx: Map<string, AddrEntry[]>): void {
  w.varint(idx.size)
  for (const [address, list] of idx) {
    w.varint(strings.id(address)).varint(list.length)
    for (const e of list) {
      w.varint(strings.txid(e.txid)).varint(e.index)
      u53(w, Math.abs(e.satoshis))
      w.varint(e.height).u8(e.spending ? 1 : 0)
    }
  }
}

/** Receives a snapshot as it is made, a part at a time; a part is valid only during the call. */
export type SnapshotOut = (part: Uint8Array) => void

/** Size of the buffer a snapshot is made in, reused part after part. */
const PART = 1 << 20

/**
 * A writer that hands its bytes on whenever its buffer fills, then reuses the buffer, keeping a CRC
 * of everything after the frame: a snapshot of tens of MB is never held whole (a whole one was
 * garbage the chain's RSS carried until V8's next full collection).
 */
class PartWriter extends Writer {
  /** Bytes handed on so far. */
  sent = 0
  crc = 0
  constructor(private readonly out: SnapshotOut) {
    super(PART)
  }

  protected override grow(n: number): void {
    if (this.len + n <= this.buf.length) return
    this.flush()
    if (n > this.buf.length) super.grow(n)
  }

  override bytes(b: Uint8Array): this {
    if (b.length <= PART >> 2) return super.bytes(b)
    this.flush()
    this.emit(b)
    return this
  }

  /** Hands on what the buffer holds. */
  flush(): void {
    if (this.len === 0) return
    this.emit(this.buf.subarray(0, this.len))
    this.len = 0
  }

  private emit(part: Uint8Array): void {
    const skip = Math.max(0, Math.min(part.length, HEAD - this.sent))
    if (skip < part.length) this.crc = crc32(part.subarray(skip), this.crc)
    this.out(part)
    this.sent += part.length
  }
}

/**
 * Writes the ledger and the core's state as they stand after the log record ending at
 * `cover.offset` to `out`, in parts, and returns the snapshot's first HEAD bytes (its length and CRC
 * are known only at the end: the first part has zeros there, which the caller overwrites).
 */
export function writeSnapshotTo(ledger: Ledger, core: CoreState, cover: SnapshotCover, out: SnapshotOut): Uint8Array {
  const T = ledger.table
  const strings = new StringIds(T)
  const scripts: Uint8Array[] = []
  const scriptIds = new Map<Uint8Array, number>()
  const w = new PartWriter(out)

  const header: SnapshotHeader = { ...cover, height: ledger.height, tip: ledger.tip.hash, core }
  const frame = new Uint8Array(HEAD)
  const frameView = new DataView(frame.buffer)
  frameView.setUint32(0, MAGIC, true)
  frameView.setUint32(4, VERSION, true)
  const head = new Writer(HEAD + 1024).bytes(frame).varbytes(new TextEncoder().encode(JSON.stringify(header))).written()
  w.bytes(head).u32(headCrc(head, head.length))

  // Blocks: one run of raw bytes, then the table (heights 1…; the genesis block is rebuilt by the ledger).
  const nBlocks = T.blockCount
  let rawLen = 0
  for (let h = 1; h < nBlocks; h++) rawLen += T.blockSize(h)
  w.varint(nBlocks - 1).varint(rawLen)
  for (let h = 1; h < nBlocks; h++) w.bytes(T.blockRaw(h))
  for (let h = 1; h < nBlocks; h++) {
    const [first, end] = T.txRows(h)
    w.varint(T.blockSize(h)).varint(strings.hash(h)).u32(T.blockTime(h)).varint(end - first)
    for (let row = first; row < end; row++) {
      const [start, stop] = T.txSpan(row)
      w.varint(strings.txRow(row)).varint(start).varint(stop - start).u32(T.txTimeOf(row))
      u53(w, T.txFeeOf(row))
    }
  }

  w.varint(ledger.utxos.size)
  for (const c of ledger.utxos.values()) {
    let sid = scriptIds.get(c.script)
    if (sid === undefined) {
      sid = scripts.length
      scripts.push(c.script)
      scriptIds.set(c.script, sid)
    }
    w.varint(strings.txid(c.txid)).varint(c.vout)
    u53(w, c.value)
    w.varint(sid).varint(c.height).u8((c.coinbase ? 1 : 0) | (c.cc ? 2 : 0) | (c.address ? 4 : 0))
    if (c.address) w.varint(strings.id(c.address))
  }

  writeIndex(w, strings, ledger.addrIndex)
  writeIndex(w, strings, ledger.ccIndex)

  w.varint(ledger.spentIndex.size)
  for (const [key, s] of ledger.spentIndex) {
    const colon = key.lastIndexOf(':')
    w.varint(strings.txid(key.slice(0, colon))).varint(Number(key.slice(colon + 1)))
    w.varint(strings.txid(s.txid)).varint(s.index).varint(s.height)
  }

  w.varint(ledger.mempool.size)
  for (const t of ledger.mempool.values()) w.varbytes(t.raw)

  // The tables the body refers to, complete only now; a start reads them first (format 3: found
  // through the offset in the last 8 bytes). Strings are ASCII (hex and base58), one byte a char.
  const tablesAt = w.sent + w.len
  const count = strings.count
  let chars = 64 * strings.hexCount
  for (const str of strings.otherList) chars += str.length
  w.varint(count).varint(chars)
  for (const run of strings.hexRuns(4 * STEP * 64)) w.bytes(run)
  const enc = new TextEncoder()
  const run: string[] = []
  const flushRun = () => {
    const bytes = enc.encode(run.join(''))
    for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) throw new Error('a snapshot string is not ASCII')
    w.bytes(bytes)
    run.length = 0
  }
  for (const str of strings.otherList) if (run.push(str) === 4 * STEP) flushRun()
  flushRun()
  for (let i = 0; i < strings.hexCount; i++) w.varint(64)
  for (const str of strings.otherList) w.varint(str.length)
  w.varint(scripts.length)
  for (const sc of scripts) w.varbytes(sc)
  u53(w, tablesAt)
  w.flush()

  frameView.setUint32(8, w.sent - HEAD, true)
  frameView.setUint32(12, w.crc, true)
  return frame
}

/** The parts of a snapshot in one buffer, its first bytes replaced by `frame`. */
export function joinParts(parts: readonly Uint8Array[], frame: Uint8Array): Uint8Array {
  let n = 0
  for (const p of parts) n += p.length
  const out = new Uint8Array(n)
  n = 0
  for (const p of parts) {
    out.set(p, n)
    n += p.length
  }
  out.set(frame)
  return out
}

/**
 * A checked snapshot, its header read. `restore` puts its ledger state into a fresh ledger and
 * returns the mempool's transactions in the order they were accepted, for the core to accept again
 * as replay does.
 */
export interface LoadedSnapshot {
  header: SnapshotHeader
  restore(ledger: Ledger): Uint8Array[]
  /**
   * The same restore in steps: each `next()` restores a slice (a few thousand blocks or coins) and
   * the last returns the mempool. The ledger is only usable once it is done.
   */
  restoreSteps(ledger: Ledger): Generator<void, Uint8Array[], void>
}

/** Blocks, coins or index entries restored between two yields of `restoreSteps` (a few ms each). */
const STEP = 4_000

/** Runs a generator to its end and returns what it returns. */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/**
 * The header's own CRC: of the magic and version, and of the header JSON (not of the length and
 * whole CRC, known only once the rest is written; the length is checked against the bytes read).
 */
function headCrc(bytes: Uint8Array, headEnd: number): number {
  return crc32(bytes.subarray(HEAD, headEnd), crc32(bytes.subarray(0, 8)))
}

/** The frame's fields once its magic and version are checked. */
function readFrame(bytes: Uint8Array): { version: number; length: number; crc: number } {
  if (bytes.length < HEAD) throw new SnapshotError(`it is ${bytes.length} bytes, shorter than its header`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(0, true) !== MAGIC) throw new SnapshotError('it does not start with the snapshot magic')
  const version = view.getUint32(4, true)
  if (!READABLE.includes(version)) throw new SnapshotError(`it has format version ${version}; this devchain reads version ${READABLE.join(' or ')}`)
  return { version, length: view.getUint32(8, true), crc: view.getUint32(12, true) }
}

function parseHeader(r: Reader): SnapshotHeader {
  try {
    return JSON.parse(new TextDecoder().decode(r.varbytes())) as SnapshotHeader
  } catch {
    throw new SnapshotError('its header is not readable')
  }
}

function loaded(bytes: Uint8Array, version: number): LoadedSnapshot {
  const head = new Reader(bytes.subarray(HEAD))
  const header = parseHeader(head)
  let body = head
  let tables = head
  if (version >= 3) {
    head.u32() // the header's own CRC, covered by the whole one
    // Format 3 ends with its tables, found through the offset in its last 8 bytes.
    const bodyStart = HEAD + head.pos
    const at = bytes.length >= bodyStart + 8 ? readU53(new Reader(bytes.subarray(bytes.length - 8))) : -1
    if (at < bodyStart || at > bytes.length - 8) throw new SnapshotError('its tables are not where it says')
    body = new Reader(bytes.subarray(0, at))
    body.pos = bodyStart
    tables = new Reader(bytes.subarray(at, bytes.length - 8))
  }
  const steps = (ledger: Ledger) => restoreSteps(ledger, body, tables, header)
  return { header, restore: (ledger) => drain(steps(ledger)), restoreSteps: steps }
}

/** Checks a snapshot's frame and checksum and reads its header; throws `SnapshotError` when it cannot be used. */
export function openSnapshot(bytes: Uint8Array): LoadedSnapshot {
  const frame = readFrame(bytes)
  checkLength(bytes, frame.length)
  drain(checkSteps(bytes, frame.crc))
  return loaded(bytes, frame.version)
}

function checkLength(bytes: Uint8Array, length: number): void {
  if (length !== bytes.length - HEAD) throw new SnapshotError(`it holds ${bytes.length - HEAD} bytes where its header says ${length}`)
}

/** The whole snapshot's CRC, a few MB per step (a start's first answers go out between steps). */
function* checkSteps(bytes: Uint8Array, expected: number): Generator<void, void, void> {
  let crc = 0
  for (let at = HEAD; at < bytes.length; at += CRC_STEP) {
    crc = crc32(bytes.subarray(at, Math.min(bytes.length, at + CRC_STEP)), crc)
    if (at + CRC_STEP < bytes.length) yield
  }
  if (crc !== expected) throw new SnapshotError('its checksum does not match')
}

/** A snapshot's header, checked by its own CRC, before the rest is read (`openSnapshotHead`). */
export interface SnapshotHead {
  header: SnapshotHeader
  /**
   * Given the whole snapshot's bytes: checks them (length, then the whole CRC a few MB per step, so
   * a start's first answers go out between steps) and returns them ready to restore. Throws
   * `SnapshotError` when they cannot be used.
   */
  checkSteps(bytes: Uint8Array): Generator<void, LoadedSnapshot, void>
}

/** `SnapshotHead.checkSteps` in one go. */
export function openSnapshotWith(head: SnapshotHead, bytes: Uint8Array): LoadedSnapshot {
  return drain(head.checkSteps(bytes))
}

/**
 * Reads a snapshot's header from its first bytes, checked by the header's own CRC, so a start can
 * answer the tip before it reads and checks tens of MB. Returns the number of bytes it needs when
 * `first` is too short, and null for a version 1 snapshot (no header CRC: read it whole). Throws
 * `SnapshotError` when it cannot be used.
 */
export function openSnapshotHead(first: Uint8Array): SnapshotHead | number | null {
  const frame = readFrame(first)
  if (frame.version < 3) return null
  const r = new Reader(first.subarray(HEAD))
  let headEnd: number
  try {
    const len = r.varint()
    headEnd = HEAD + r.pos + len
  } catch {
    return HEAD + 9
  }
  if (headEnd + 4 > HEAD + frame.length) throw new SnapshotError(`it holds ${frame.length} bytes after its frame, too few for the header it starts`)
  if (first.length < headEnd + 4) return headEnd + 4
  const view = new DataView(first.buffer, first.byteOffset, first.byteLength)
  if (headCrc(first, headEnd) !== view.getUint32(headEnd, true)) throw new SnapshotError('its header\'s checksum does not match')
  const header = parseHeader(new Reader(first.subarray(HEAD, headEnd)))
  return {
    header,
    *checkSteps(bytes: Uint8Array) {
      const whole = readFrame(bytes)
      checkLength(bytes, frame.length)
      if (whole.crc !== frame.crc) throw new SnapshotError('it changed since its header was read')
      yield* checkSteps(bytes, frame.crc)
      return loaded(bytes, whole.version)
    },
  }
}

function* readIndex(r: Reader, str: string[], idx: Map<string, AddrEntry[]>): Generator<void, void, void> {
  let done = 0
  for (let n = r.varint(); n > 0; n--) {
    const address = str[r.varint()]
    const count = r.varint()
    const list = new Array<AddrEntry>(count)
    for (let i = 0; i < count; i++) {
      const txid = str[r.varint()]
      const index = r.varint()
      const sats = readU53(r)
      const height = r.varint()
      const spending = r.u8() === 1
      list[i] = { txid, index, satoshis: spending ? -sats : sats, height, spending }
    }
    idx.set(address, list)
    if ((done += count) >= STEP) {
      done = 0
      yield
    }
  }
}

/** `r` reads the body (blocks on), `t` the tables (strings, scripts): the same reader in format 1. */
function* restoreSteps(ledger: Ledger, r: Reader, t: Reader, header: SnapshotHeader): Generator<void, Uint8Array[], void> {
  if (ledger.height !== 0) throw new SnapshotError('a snapshot restores into a fresh ledger only')
  const count = t.varint()
  const blobBytes = t.varbytes()
  // Decoded a run of strings at a time (one long decode would hold up the start's first answers),
  // each string a slice of its run's: no copy per txid, and a run goes once nothing refers to it.
  const decoder = new TextDecoder()
  const str = new Array<string>(count)
  const lengths = new Array<number>(count)
  for (let i = 0; i < count; i++) lengths[i] = t.varint()
  for (let first = 0, at = 0; first < count; first += 4 * STEP) {
    const last = Math.min(count, first + 4 * STEP)
    let end = at
    for (let i = first; i < last; i++) end += lengths[i]
    const run = decoder.decode(blobBytes.subarray(at, end))
    for (let i = first, o = 0; i < last; i++) {
      str[i] = run.slice(o, o + lengths[i])
      o += lengths[i]
    }
    at = end
    yield
  }
  const scripts = new Array<Uint8Array>(t.varint())
  for (let i = 0; i < scripts.length; i++) scripts[i] = t.varbytes().slice()

  const nBlocks = r.varint()
  // The blocks' bytes get a buffer of their own, so the ledger does not keep the whole snapshot alive.
  const raws = r.bytes(r.varint()).slice()
  let at = 0
  for (let h = 0; h < nBlocks; h++) {
    const len = r.varint()
    const start = at
    at += len
    const hash = str[r.varint()]
    const time = r.u32()
    const txs = new Array<RestoredTx>(r.varint())
    for (let i = 0; i < txs.length; i++) {
      const txid = str[r.varint()]
      const txStart = r.varint()
      const end = txStart + r.varint()
      const txTime = r.u32()
      txs[i] = { txid, start: txStart, end, time: txTime, fee: readU53(r) }
    }
    ledger.restoreBlock(hash, time, raws, start, len, txs)
    if (h % STEP === STEP - 1) yield
  }

  for (let n = r.varint(); n > 0; n--) {
    const txid = str[r.varint()]
    const vout = r.varint()
    const value = readU53(r)
    const sid = r.varint()
    const script = scripts[sid]
    const height = r.varint()
    const flags = r.u8()
    const address = flags & 4 ? str[r.varint()] : null
    const coin: Coin = { txid, vout, value, script, height, coinbase: (flags & 1) !== 0, address, cc: (flags & 2) !== 0 }
    ledger.restoreCoin(coin)
    scripts[sid] = coin.script // the ledger's shared copy: the next coin with this script finds it at once
    if (n % STEP === 0) yield
  }

  yield* readIndex(r, str, ledger.addrIndex)
  yield* readIndex(r, str, ledger.ccIndex)

  for (let n = r.varint(); n > 0; n--) {
    const key = outpointKey(str[r.varint()], r.varint())
    const s: SpentInfo = { txid: str[r.varint()], index: r.varint(), height: r.varint() }
    ledger.spentIndex.set(key, s)
    if (n % STEP === 0) yield
  }
  if (ledger.height !== header.height || ledger.tip.hash !== header.tip) throw new SnapshotError('its blocks do not end at the tip its header names')
  const mempool = new Array<Uint8Array>(r.varint())
  for (let i = 0; i < mempool.length; i++) mempool[i] = r.varbytes().slice()
  if (r !== t && (r.remaining !== 0 || t.remaining !== 0)) throw new SnapshotError('its body and tables do not end where it says')
  return mempool
}
