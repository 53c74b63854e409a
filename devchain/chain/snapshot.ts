/**
 * Snapshots of the chain state, platform-free (Node writes them beside the log, a browser in
 * IndexedDB, through the same `ChainStore`). A start loads the latest snapshot and replays only
 * the log records after the offset it covers; what it restores is exactly what replaying the log
 * up to that offset builds (test/unit/devchain/chain/snapshot.test.ts compares the two on
 * randomized chains). Restoring skips what makes replay slow: parsing blocks, hashing
 * transactions, classifying scripts and encoding addresses.
 *
 * Layout: `KJSN` | u32 version | u32 length of the rest | u32 CRC-32 of the rest | the rest:
 *   header JSON (what it covers, the core's small state) | u32 CRC-32 of the bytes before it but
 *   the whole CRC (version 2 on) | string table (hashes, txids, addresses) | scripts | blocks (all raw
 *   bytes in one run, then per block its hash, time and transactions) | unspent coins | address
 *   and CC address indexes | spent index | mempool transactions.
 * The header's own CRC lets a start answer the tip from the first few kilobytes of a snapshot of
 * tens of MB (`openSnapshotHead`), and check the whole (`checkSteps`) and restore it afterwards.
 * Version 1 (no header CRC) is still read, whole. Any mismatch (magic, version, length, checksum,
 * a read past the end) makes the snapshot unusable: the start logs it and replays the whole log
 * instead.
 */
import { crc32 } from '../crypto/crc32.ts'
import { Reader, Writer } from '../tx/bytes.ts'
import type { AddrEntry, Coin, Ledger, RestoredTx, SpentInfo } from './ledger.ts'
import { outpointKey } from './ledger.ts'

const MAGIC = 0x4e534a4b // 'KJSN' little-endian
/** The version written; every version in READABLE is read. */
const VERSION = 2
const READABLE = [1, 2]
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

class StringTable {
  readonly ids = new Map<string, number>()
  readonly list: string[] = []
  id(s: string): number {
    let i = this.ids.get(s)
    if (i === undefined) {
      i = this.list.length
      this.ids.set(s, i)
      this.list.push(s)
    }
    return i
  }
}

/** The most `writeIndex` writes for `idx`. */
function indexBound(idx: Map<string, AddrEntry[]>): number {
  let n = 5
  for (const list of idx.values()) n += 10 + 24 * list.length
  return n
}

function writeIndex(w: Writer, strings: StringTable, idx: Map<string, AddrEntry[]>): void {
  w.varint(idx.size)
  for (const [address, list] of idx) {
    w.varint(strings.id(address)).varint(list.length)
    for (const e of list) {
      w.varint(strings.id(e.txid)).varint(e.index)
      u53(w, Math.abs(e.satoshis))
      w.varint(e.height).u8(e.spending ? 1 : 0)
    }
  }
}

/** Encodes the ledger and the core's state as they stand after the log record ending at `cover.offset`. */
export function encodeSnapshot(ledger: Ledger, core: CoreState, cover: SnapshotCover): Uint8Array {
  const strings = new StringTable()
  const scripts: Uint8Array[] = []
  const scriptIds = new Map<Uint8Array, number>()

  // Blocks: one run of raw bytes, then the table (heights 1…; the genesis block is rebuilt by the ledger).
  const blocks = ledger.blocks
  let rawLen = 0
  let txCount = 0
  for (let h = 1; h < blocks.length; h++) {
    rawLen += blocks[h].raw.length
    txCount += blocks[h].txids.length
  }
  // Sized once, from the most each item takes (a varint here is ≤ 5 bytes): on a long chain a buffer
  // grown by doubling left some 150 MB of garbage per snapshot, which the chain's RSS carried.
  let mempoolLen = 0
  for (const t of ledger.mempool.values()) mempoolLen += 5 + t.raw.length
  const body = new Writer(
    64 + rawLen + 19 * blocks.length + 27 * txCount + 34 * ledger.utxos.size + indexBound(ledger.addrIndex) + indexBound(ledger.ccIndex) +
      25 * ledger.spentIndex.size + mempoolLen,
  )
  body.varint(blocks.length - 1).varint(rawLen)
  for (let h = 1; h < blocks.length; h++) body.bytes(blocks[h].raw)
  for (let h = 1; h < blocks.length; h++) {
    const b = blocks[h]
    body.varint(b.raw.length).varint(strings.id(b.hash)).u32(b.time).varint(b.txids.length)
    for (const txid of b.txids) {
      const t = ledger.txs.get(txid)!
      const raw = t.raw
      body.varint(strings.id(txid)).varint(raw.byteOffset - b.raw.byteOffset).varint(raw.length).u32(t.time)
      u53(body, t.fee)
    }
  }

  body.varint(ledger.utxos.size)
  for (const c of ledger.utxos.values()) {
    let sid = scriptIds.get(c.script)
    if (sid === undefined) {
      sid = scripts.length
      scripts.push(c.script)
      scriptIds.set(c.script, sid)
    }
    body.varint(strings.id(c.txid)).varint(c.vout)
    u53(body, c.value)
    body.varint(sid).varint(c.height).u8((c.coinbase ? 1 : 0) | (c.cc ? 2 : 0) | (c.address ? 4 : 0))
    if (c.address) body.varint(strings.id(c.address))
  }

  writeIndex(body, strings, ledger.addrIndex)
  writeIndex(body, strings, ledger.ccIndex)

  body.varint(ledger.spentIndex.size)
  for (const [key, s] of ledger.spentIndex) {
    const colon = key.lastIndexOf(':')
    body.varint(strings.id(key.slice(0, colon))).varint(Number(key.slice(colon + 1)))
    body.varint(strings.id(s.txid)).varint(s.index).varint(s.height)
  }

  body.varint(ledger.mempool.size)
  for (const t of ledger.mempool.values()) body.varbytes(t.raw)

  const header: SnapshotHeader = { ...cover, height: ledger.height, tip: ledger.tip.hash, core }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const blob = new TextEncoder().encode(strings.list.join(''))
  let scriptsLen = 0
  for (const s of scripts) scriptsLen += 5 + s.length
  const front = new Writer(36 + headerBytes.length + blob.length + 5 * strings.list.length + scriptsLen)
  front.varbytes(headerBytes)
  const headEnd = HEAD + front.written().length
  front.u32(0) // the header's CRC, once the frame before it is known
  front.varint(strings.list.length).varbytes(blob)
  for (const s of strings.list) front.varint(s.length)
  front.varint(scripts.length)
  for (const s of scripts) front.varbytes(s)

  const frontBytes = front.written()
  const bodyBytes = body.written()
  const out = new Uint8Array(HEAD + frontBytes.length + bodyBytes.length)
  out.set(frontBytes, HEAD)
  out.set(bodyBytes, HEAD + frontBytes.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, VERSION, true)
  view.setUint32(8, out.length - HEAD, true)
  view.setUint32(headEnd, headCrc(out, headEnd), true)
  view.setUint32(12, crc32(out.subarray(HEAD)), true)
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

/** The header's own CRC: of the frame but its whole CRC (which covers this one), and of the header JSON. */
function headCrc(bytes: Uint8Array, headEnd: number): number {
  return crc32(bytes.subarray(HEAD, headEnd), crc32(bytes.subarray(0, 12)))
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
  const r = new Reader(bytes.subarray(HEAD))
  const header = parseHeader(r)
  if (version >= 2) r.u32() // the header's own CRC, covered by the whole one
  return { header, restore: (ledger) => drain(restoreSteps(ledger, r, header)), restoreSteps: (ledger) => restoreSteps(ledger, r, header) }
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
  if (frame.version < 2) return null
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

function* restoreSteps(ledger: Ledger, r: Reader, header: SnapshotHeader): Generator<void, Uint8Array[], void> {
  if (ledger.height !== 0) throw new SnapshotError('a snapshot restores into a fresh ledger only')
  const count = r.varint()
  const blobBytes = r.varbytes()
  // Decoded a run of strings at a time (one long decode would hold up the start's first answers),
  // each string a slice of its run's: no copy per txid, and a run goes once nothing refers to it.
  const decoder = new TextDecoder()
  const str = new Array<string>(count)
  const lengths = new Array<number>(count)
  for (let i = 0; i < count; i++) lengths[i] = r.varint()
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
  const scripts = new Array<Uint8Array>(r.varint())
  for (let i = 0; i < scripts.length; i++) scripts[i] = r.varbytes().slice()

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
  return mempool
}
