/**
 * The devchain: one ledger, named nodes with their wallets, mining modes and the persistence
 * log, behind `call(node, method, params)`.
 */
import { RpcError, RpcCode } from '../protocol/jsonrpc.ts'
import { chainParamsFrom, type ChainParams } from './chain/params.ts'
import { Ledger, type BlockRecord } from './chain/ledger.ts'
import { Wallet } from './chain/wallet.ts'
import { RecordLog, RecordType, recordAt, scanRecords, type LogRecord } from './chain/recordLog.ts'
import { LogDamagedError, cutLog, damageMessage, openRecordLog, recordTypeName } from './chain/logIntegrity.ts'
import { drain, openSnapshot, writeSnapshotTo, openSnapshotHead, openSnapshotWith, SNAPSHOT_HEAD_READ, SnapshotError, type CoreState, type LoadedSnapshot, type SnapshotHead, type SnapshotHeader } from './chain/snapshot.ts'
import type { ChainStore, StoreFactory } from './chain/store.ts'
import { parseMiningMode, type MiningState } from './chain/mining.ts'
import type { CcModule } from './modules.ts'
import { dispatch } from './rpc/dispatch.ts'
import { parseTx, type Tx } from './tx/transaction.ts'
import { rawBlockHash } from './tx/block.ts'
import { platform } from '#platform'
import type { CallOptions, Engine } from './rpc/context.ts'

export const NODE_NAMES = ['miner', 'reader'] as const
/** The seed tests and recordings ask for by name (DEVCHAIN_SEED); public, so never a default. */
export const DEFAULT_SEED = 'komodo-journeys'
/** Blocks mined between two flushes of the log during a long `generate`. */
const GENERATE_CHUNK = 250
/** Longest stretch of mining between two yields to the event loop. */
const GENERATE_SLICE_MS = 16
/** Longest stretch of a background snapshot restore between two yields to the event loop. */
const RESTORE_SLICE_MS = 16
/** Blocks between two snapshots (one is also written on a clean close): a start replays at most about this many. */
export const SNAPSHOT_EVERY = 5_000

export interface CoreOptions {
  /** komodod flags: -ac_name, -ac_supply, -ac_reward, -ac_cc, -ac_blocktime, -regtest, -rpcport, … */
  args?: string[]
  /** Data directory; null = memory only. Default: -datadir, DEVCHAIN_DATA, then `.devchain/`. */
  dataDir?: string | null
  /**
   * Makes the platform's store for the data directory; required unless the chain is memory-only.
   * Node: `fileStorage` from `devchain/platform/node/fileStore.ts`.
   */
  storage?: StoreFactory
  /** Wallet seed for deterministic replay. Default: the data directory's own, DEVCHAIN_SEED, then random. */
  seed?: string
  /** Start over: delete the data directory's log first. */
  reset?: boolean
  /**
   * A damaged log (anything but a torn tail): keep a copy of it, cut it at the last good record and
   * start at that height. Without it such a start fails with `LogDamagedError`.
   */
  recover?: boolean
  /** Where the chain's notices go (a dropped torn tail, a recovery). @default console.warn */
  log?: (line: string) => void
  /**
   * Blocks between two snapshots of the state beside the log (one is also written on a clean close,
   * and a start loads it and replays only the log after it); 0 = only on close; false = never read or
   * write snapshots. @default SNAPSHOT_EVERY (5,000)
   */
  snapshotEvery?: number | false
  /**
   * With a snapshot, `open` returns once the snapshot's header is read and checked (by its own CRC,
   * from the first few KB where the store reads ranges) and the log records after it are scanned
   * (their blocks give the tip); the rest is read, checked and restored, and those records
   * replayed, in slices between other work right after. Every call but `getblockcount` and
   * `getbestblockhash` waits until it is read and checked, and any use of the state (`ledger`, a
   * wallet) first finishes the restore (before the read is done, it throws komodod's -28 warm-up
   * error). For `npm run chain`, whose first answer then comes before a long
   * chain is all in memory. @default false
   */
  restoreInBackground?: boolean
  /** Longest stretch of a background restore between two yields, in ms. @default 16 */
  restoreSliceMs?: number
  /** CC modules' rules (the engine knows none itself): `await loadModuleRules()` from modules/loadRules.ts. @default [] */
  modules?: readonly CcModule[]
  env?: Record<string, string | undefined>
}

const enc = new TextEncoder()
const dec = new TextDecoder()

function packStrings(...parts: (string | Uint8Array)[]): Uint8Array {
  const bufs = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p))
  const out = new Uint8Array(bufs.reduce((a, b) => a + 2 + b.length, 0))
  let o = 0
  for (const b of bufs) {
    out[o] = b.length & 0xff
    out[o + 1] = b.length >> 8
    out.set(b, o + 2)
    o += 2 + b.length
  }
  return out
}

function unpack(body: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = []
  let o = 0
  while (o + 2 <= body.length) {
    const n = body[o] | (body[o + 1] << 8)
    out.push(body.subarray(o + 2, o + 2 + n))
    o += 2 + n
  }
  return out
}

/** A snapshot that passed its checksum but could not be restored: the start replays the whole log instead. */
class SnapshotRestoreFailure extends Error {}

/** A record of an intact log that replay cannot apply: damage, handled like a bad checksum. */
class ReplayFailure extends Error {
  constructor(
    readonly at: number,
    readonly what: string,
    readonly height: number,
  ) {
    super(what)
  }
}

function randomSeed(): string {
  return Array.from(platform.randomBytes(32), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The seed in a log's meta record (JSON); a record without `seedSource` predates random seeds: fixed. */
function storedSeed(metaText: string): { seed: string; fixed: boolean } | null {
  try {
    const meta = JSON.parse(metaText) as { seed?: unknown; seedSource?: unknown }
    return typeof meta.seed === 'string' ? { seed: meta.seed, fixed: meta.seedSource !== 'random' } : null
  } catch {
    return null
  }
}

/** What the log records after a snapshot change, known before they are replayed. */
interface TailSummary {
  blocks: number
  /** The last block's hash: the tip a start answers at once (null: the tail has no block). */
  tip: string | null
  nodes: string[]
  mining: string | null
}

/**
 * The blocks the records after a snapshot add and the last one's hash, the nodes they make, the
 * mining mode they set; null when the last block's header cannot be read (the start then replays
 * in the foreground, which reports the damaged record as any start does).
 */
function tailSummary(tail: LogRecord[]): TailSummary | null {
  let blocks = 0
  let last: LogRecord | null = null
  let mining: string | null = null
  const nodes: string[] = []
  for (const r of tail) {
    if (r.type === RecordType.Block) {
      blocks++
      last = r
    } else if (r.type === RecordType.Mining) mining = dec.decode(r.body)
    else if (r.type === RecordType.Key || r.type === RecordType.Pubkey) {
      const node = dec.decode(unpack(r.body)[0])
      if (!nodes.includes(node)) nodes.push(node)
    }
  }
  let tip: string | null = null
  try {
    tip = last && rawBlockHash(last.body)
  } catch {
    return null
  }
  return { blocks, tip, nodes, mining }
}

/** The part of a start's restore still to run (CoreOptions.restoreInBackground). */
interface PendingRestore {
  height: number
  tip: string
  /** The nodes the snapshot names (their wallets are made by the restore). */
  nodes: string[]
  /** Settles once the snapshot is read and checked (or the whole log replayed instead); then `steps` is set. */
  loaded: Promise<void>
  steps: Generator<void, void, void> | null
}

/**
 * A snapshot found usable at a start: its header, checked, and either the whole snapshot checked
 * (`whole`) or only its header (`head`, the rest read and checked later, in the background).
 */
interface UsableSnapshot {
  header: SnapshotHeader
  whole: LoadedSnapshot | null
  head: SnapshotHead | null
  /** The log after the record the snapshot ends at. */
  tail: Uint8Array
}

export class DevchainCore implements Engine {
  readonly params: ChainParams
  private current: Ledger
  private readonly walletMap = new Map<string, Wallet>()
  private pending: PendingRestore | null = null
  /** Why the background restore failed: every later use of the state says so. */
  private restoreError: Error | null = null
  readonly modules: readonly CcModule[]
  seed: string
  /**
   * True when the seed was chosen by someone (DEVCHAIN_SEED, an option, or a data directory made
   * before seeds were random): anyone who knows it derives every wallet key, so such a chain must
   * never face the public (server/gateway refuses it).
   */
  seedFixed: boolean
  readonly startedAt = Date.now()
  mining: MiningState = { mode: 'manual', seconds: 0, generate: false, genproclimit: -1 }
  /** The mining mode a chain starts in, before its log says otherwise (a rewind replays from it). */
  private readonly startMining: MiningState
  /** The record log; null for a memory-only chain. */
  private log: RecordLog | null = null
  private readonly warn: (line: string) => void
  private readonly snapshotEvery: number | false
  private readonly restoreSliceMs: number
  /** Height of the last snapshot read or written. */
  private snapshotHeight = 0
  private snapshotting: Promise<unknown> = Promise.resolve()
  /** The mining mode the log set (a Mining record), which a snapshot keeps; the env default is not logged. */
  private loggedMining: string | null = null
  private replaying = false
  private timer: ReturnType<typeof setInterval> | null = null
  private blockFns: ((b: { height: number; hash: string }) => void)[] = []
  private stopFns: (() => void)[] = []
  private closed = false
  /** Serialises state-changing work that yields (generate) so blocks never interleave oddly. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(opts: CoreOptions = {}) {
    const env = opts.env ?? platform.env()
    this.params = chainParamsFrom(opts.args ?? [], env)
    if (opts.dataDir !== undefined) this.params.datadir = opts.dataDir
    // A new chain takes the seed asked for, else a random one, so no two chains share wallet keys
    // unless someone wants them to; a chain on disk keeps the seed it was born with (load()).
    const asked = opts.seed ?? env.DEVCHAIN_SEED
    this.seed = asked ?? randomSeed()
    this.seedFixed = asked !== undefined
    this.warn = opts.log ?? ((line) => console.warn(line))
    this.snapshotEvery = opts.snapshotEvery ?? SNAPSHOT_EVERY
    this.restoreSliceMs = opts.restoreSliceMs ?? RESTORE_SLICE_MS
    this.modules = opts.modules ?? []
    this.current = new Ledger(this.params, this.modules)
    for (const n of NODE_NAMES) this.walletMap.set(n, new Wallet(n, this.current, this.seed))
    const mode = parseMiningMode(env.DEVCHAIN_MINING)
    if (mode) this.mining = mode
    this.startMining = this.mining

    if (this.params.datadir !== null && !opts.storage) {
      throw new Error(`data directory ${this.params.datadir} given without a storage backend: pass \`storage\` (fileStorage from devchain/platform/node/fileStore.ts in Node), or dataDir: null`)
    }
  }

  /** The ledger; replaced whole when the chain is rewound to a checkpoint. Finishes a background restore first. */
  get ledger(): Ledger {
    if (this.pending || this.restoreError) this.settle()
    return this.current
  }

  set ledger(ledger: Ledger) {
    this.current = ledger
  }

  /** The nodes' wallets. Finishes a background restore first. */
  get wallets(): Map<string, Wallet> {
    if (this.pending || this.restoreError) this.settle()
    return this.walletMap
  }

  /** The chain's height, known before a background restore is done. */
  get height(): number {
    return this.pending ? this.pending.height : this.ledger.height
  }

  /**
   * Opens the chain's storage (when it has a data directory) and rebuilds the chain from it. A
   * damaged log stops the start (`LogDamagedError`) unless `recover` is set (logIntegrity.ts).
   */
  static async open(opts: CoreOptions = {}, ignoreSnapshot = false): Promise<DevchainCore> {
    const core = new DevchainCore(opts)
    const store = opts.storage && core.params.datadir !== null ? opts.storage(core.params.datadir) : null
    try {
      await core.load(store, opts, ignoreSnapshot)
      return core
    } catch (e) {
      if (e instanceof SnapshotRestoreFailure && store) {
        // It passed its checksum but could not be restored: drop the half-built core, replay the log.
        core.warn(`devchain: ignored the snapshot in ${store.location}: ${e.message}; replaying the whole log`)
        return DevchainCore.open(opts, true)
      }
      if (!(e instanceof ReplayFailure) || !store) throw e
      if (!opts.recover) throw new LogDamagedError(damageMessage(store.location, e.at, e.what, e.height), e.at)
      // The state built so far is half-applied: cut the log there and start again on a fresh core.
      await store.open()
      try {
        await cutLog(store, e.at, e.what, e.height, core.warn)
      } finally {
        await store.close()
      }
      return DevchainCore.open(opts)
    }
  }

  private async load(store: ChainStore | null, opts: CoreOptions, ignoreSnapshot: boolean): Promise<void> {
    if (store) await store.open()
    try {
      let records: LogRecord[] = []
      let restored = false
      if (store) {
        if (opts.reset) await store.clear()
        if (ignoreSnapshot) await store.deleteSnapshot()
        const snap = ignoreSnapshot || this.snapshotEvery === false ? null : await this.usableSnapshot(store, !!opts.restoreInBackground)
        const base = { recover: !!opts.recover, warn: this.warn }
        const opened = snap
          ? await openRecordLog(store, { ...base, from: snap.header.offset, baseHeight: snap.header.height, before: { start: snap.header.lastStart, end: snap.header.offset, crc: snap.header.lastCrc } }, snap.tail)
          : await openRecordLog(store, { ...base, from: 0, baseHeight: 0 })
        this.log = opened.log
        records = opened.records
        // The seed is the stored chain's own (its meta record, or the snapshot's copy of it).
        const first = records[0]
        const metaText = snap ? snap.header.core.meta : first?.type === RecordType.Meta ? dec.decode(first.body) : null
        const stored = metaText === null ? null : storedSeed(metaText)
        if (stored) this.adoptSeed(stored.seed, stored.fixed)
        if (snap) {
          this.log.snapshotOffset = snap.header.offset
          const ahead = opts.restoreInBackground ? tailSummary(records) : null
          if (ahead) this.deferRestore(snap, store, records, ahead)
          else {
            this.restore(snap.whole ?? (await this.readWhole(snap.head!, store)))
            this.replay(records, 0)
          }
          restored = true
        }
      }
      if (!restored && records.length) this.replay(records, 1)
      else if (!restored) await this.bootstrap()
    } catch (e) {
      this.log = null
      await store?.close()
      throw e
    }
    this.listen()
    this.applyMining()
  }

  private listen(): void {
    this.current.onBlock((b) => this.onBlock(b))
    this.current.onTx((t) => {
      if (!this.replaying) this.log?.append(RecordType.Tx, t.raw)
    })
  }

  private meta(): string {
    const p = this.params
    return JSON.stringify({ name: p.name, supply: p.supply, reward: p.reward, cc: p.cc, blocktime: p.blocktime, seed: this.seed, seedSource: this.seedFixed ? 'fixed' : 'random' })
  }

  /** A fresh chain: node keys, pubkeys set, premine mined to the miner in block 1. */
  private async bootstrap(): Promise<void> {
    this.log?.append(RecordType.Meta, enc.encode(this.meta()))
    for (const w of this.wallets.values()) {
      const k = this.newKey(w.node, false)
      this.setPubkey(w.node, k.pubHex)
    }
    const b = this.ledger.mine(this.wallet('miner').miningScript())
    this.log?.append(RecordType.Block, b.raw)
    await this.log?.flush()
  }

  /** The log's meta record (or a snapshot's copy of it) must name this chain. */
  private checkMeta(json: string): void {
    const meta = JSON.parse(json) as { name: string; supply: number; seed: string }
    const mine = JSON.parse(this.meta()) as { name: string; supply: number }
    if (meta.name !== mine.name || meta.supply !== mine.supply) {
      throw new Error(`${this.params.datadir} holds chain ${meta.name} (supply ${meta.supply}); start with --reset or another -datadir`)
    }
  }

  /** Applies log records from `start`; a whole log (start 1) begins with its meta record. */
  private replay(records: LogRecord[], start: 0 | 1): void {
    if (start === 1) {
      const [first] = records
      if (first.type !== RecordType.Meta) throw this.replayFailure(first, 'the log does not start with a meta record')
      this.checkMeta(dec.decode(first.body))
    }
    drain(this.replaySteps(records, start))
  }

  /**
   * Applies records from `start`, one per step (a background restore runs them in slices). Uses the
   * state as it stands (`current`): the `ledger` getter would finish a background restore, this one.
   */
  private *replaySteps(records: LogRecord[], start: number): Generator<void, void, void> {
    for (let i = start; i < records.length; i++) {
      this.replaying = true
      try {
        this.apply(records[i])
      } catch (e) {
        throw this.replayFailure(records[i], `it cannot be replayed (${e instanceof Error ? e.message : String(e)})`)
      } finally {
        this.replaying = false
      }
      yield
    }
  }

  private replayFailure(r: LogRecord, why: string): ReplayFailure {
    const at = r.end - 9 - r.body.length
    return new ReplayFailure(at, `the ${recordTypeName(r.type)} record there is intact but ${why}`, this.current.height)
  }

  /** Applies one log record (replay). */
  private apply(r: LogRecord): void {
    if (r.type === RecordType.Block) this.current.connectRaw(r.body)
    else if (r.type === RecordType.Tx) {
      try {
        this.current.accept(r.body, parseTx(r.body), { trusted: true })
      } catch {
        // A tx the log kept but a later block made invalid: komodod drops it from the mempool too.
      }
    } else if (r.type === RecordType.Key) {
      const [node, priv, flag] = unpack(r.body)
      this.walletOrCreate(dec.decode(node)).addKey(new Uint8Array(priv), flag?.[0] === 1)
    } else if (r.type === RecordType.Pubkey) {
      const [node, pub] = unpack(r.body)
      this.walletOrCreate(dec.decode(node)).pubkey = dec.decode(pub) || null
    } else if (r.type === RecordType.Mining) {
      this.applyLoggedMining(dec.decode(r.body))
    }
  }

  /** The seed of a chain read from disk; its wallets are still empty, so they are made anew with it. */
  private adoptSeed(seed: string, fixed: boolean): void {
    this.seed = seed
    this.seedFixed = fixed
    for (const n of NODE_NAMES) this.walletMap.set(n, new Wallet(n, this.current, seed))
  }

  private applyLoggedMining(text: string): void {
    const m = parseMiningMode(text)
    if (!m) return
    this.mining = m
    this.loggedMining = text
  }

  // ── snapshots (chain/snapshot.ts) ──────────────────────────────────────────────────────────

  /**
   * The stored snapshot when it is intact and the log still holds the record it ends at; else null
   * (the reason is logged, the snapshot deleted, and the whole log is replayed). With `headOnly` and
   * a store that reads ranges, only the snapshot's header is read and checked (by its own CRC): the
   * rest is read and checked by `readWhole` or a background restore.
   */
  private async usableSnapshot(store: ChainStore, headOnly: boolean): Promise<UsableSnapshot | null> {
    let why: string
    try {
      let whole: LoadedSnapshot | null = null
      let head: SnapshotHead | null = null
      if (headOnly && store.readSnapshotRange) {
        let first = await store.readSnapshotRange(0, SNAPSHOT_HEAD_READ)
        if (!first) return null
        let opened = openSnapshotHead(first)
        if (typeof opened === 'number') {
          first = (await store.readSnapshotRange(0, opened)) ?? new Uint8Array(0)
          opened = openSnapshotHead(first)
          if (typeof opened === 'number') throw new SnapshotError(`it holds ${first.length} bytes, too few for its header`)
        }
        head = opened
      }
      if (!head) {
        const bytes = await store.readSnapshot()
        if (!bytes) return null
        whole = openSnapshot(bytes)
      }
      const header = (head ?? whole!).header
      const { offset, lastStart, lastCrc } = header
      const log = await store.readLog(lastStart)
      const view = new DataView(log.buffer, log.byteOffset, log.byteLength)
      if (recordAt(log, view, 0) === offset - lastStart && view.getUint32(4, true) === lastCrc) {
        this.checkMeta(header.core.meta)
        return { header, whole, head, tail: log.subarray(offset - lastStart) }
      }
      why = `the log no longer holds the record it ends at (byte ${offset})`
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e
      why = e.message
    }
    this.warn(`devchain: ignored the snapshot in ${store.location}: ${why}; replaying the whole log`)
    await store.deleteSnapshot()
    return null
  }

  /** A snapshot whose header alone was checked, read and checked whole; a damaged one makes the start replay the whole log. */
  private async readWhole(head: SnapshotHead, store: ChainStore): Promise<LoadedSnapshot> {
    try {
      return openSnapshotWith(head, await this.readSnapshotBytes(store))
    } catch (e) {
      throw new SnapshotRestoreFailure(e instanceof Error ? e.message : String(e))
    }
  }

  /** The whole snapshot, as its header said how long it is; a store without it gives none. */
  private async readSnapshotBytes(store: ChainStore): Promise<Uint8Array> {
    const bytes = await store.readSnapshot()
    if (!bytes) throw new SnapshotError('it was deleted while the chain started')
    return bytes
  }

  private restore(snap: LoadedSnapshot): void {
    let mempool: Uint8Array[]
    try {
      mempool = snap.restore(this.current)
    } catch (e) {
      throw new SnapshotRestoreFailure(e instanceof Error ? e.message : String(e))
    }
    this.restoreRest(snap.header, mempool)
  }

  /** After the ledger: the wallets, the mining mode and the mempool, as the snapshot kept them. */
  private restoreRest(header: SnapshotHeader, mempool: Uint8Array[]): void {
    for (const w of header.core.wallets) {
      const wallet = this.walletOrCreate(w.node)
      for (const k of w.keys) wallet.addKey(platform.fromHex(k.priv), k.labeled).created = k.created
      wallet.pubkey = w.pubkey
    }
    if (header.core.mining) this.applyLoggedMining(header.core.mining)
    this.replaying = true
    try {
      for (const raw of mempool) this.current.accept(raw, parseTx(raw), { trusted: true })
    } finally {
      this.replaying = false
    }
    this.snapshotHeight = header.height
  }

  /**
   * Restores the snapshot in the background (open returns first), then replays the log records
   * after it (`tail`: what a crash left since the last snapshot). The rest of a snapshot whose
   * header alone was read is read without blocking, checked a few MB per turn of the event loop,
   * then restored and the tail replayed in slices. The tip is known before: the snapshot's, or the
   * tail's last block's. A snapshot that fails its checksum is deleted and the whole log is
   * replayed instead, as a start does with one; one that passed its checksum but cannot be restored,
   * or whose tail cannot be replayed onto it, is deleted, and from then on every use of the state
   * fails with a message asking for a restart (which replays the whole log, and reports a damaged
   * record as a start always does).
   */
  private deferRestore(snap: UsableSnapshot, store: ChainStore, tail: LogRecord[], ahead: TailSummary): void {
    const { header } = snap
    // The mining mode is known now, so an interval miner starts with the chain (it then finishes the restore).
    const mining = ahead.mining ?? header.core.mining
    if (mining) this.applyLoggedMining(mining)
    const self = this
    function* steps(restore: Generator<void, Uint8Array[], void>): Generator<void, void, void> {
      try {
        const mempool = yield* restore
        self.restoreRest(header, mempool)
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e)
        self.fail(store, `the snapshot in ${store.location} passed its checksum but could not be restored: ${why}`, `the snapshot could not be restored (${why})`)
        return
      }
      try {
        yield* self.replaySteps(tail, 0)
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e)
        self.fail(store, `the log in ${store.location} after the snapshot cannot be replayed onto it: ${why}`, `the log after the snapshot could not be replayed (${why})`)
      }
    }
    const nodes = header.core.wallets.map((w) => w.node)
    for (const n of ahead.nodes) if (!nodes.includes(n)) nodes.push(n)
    const pending: PendingRestore = { height: header.height + ahead.blocks, tip: ahead.tip ?? header.tip, nodes, loaded: Promise.resolve(), steps: null }
    const load = async (): Promise<void> => {
      if (snap.whole) {
        pending.steps = steps(snap.whole.restoreSteps(this.current))
        return
      }
      let checked: Generator<void, LoadedSnapshot, void>
      try {
        checked = snap.head!.checkSteps(await this.readSnapshotBytes(store))
        for (let r = checked.next(); ; r = checked.next()) {
          if (r.done) {
            pending.steps = steps(r.value.restoreSteps(this.current))
            return
          }
          await platform.yieldToEventLoop()
        }
      } catch (e) {
        if (!(e instanceof SnapshotError)) throw e
        await this.replayWholeLog(store, e.message)
      }
    }
    pending.loaded = load().catch((e: unknown) => {
      this.pending = null
      this.restoreError = new RpcError(RpcCode.MISC_ERROR, `devchain: the chain could not be loaded (${e instanceof Error ? e.message : String(e)}); restart it`)
    })
    this.pending = pending
    void this.restoreInSlices()
  }

  /** A background restore that cannot finish: the snapshot goes, and every later use of the state asks for a restart. */
  private fail(store: ChainStore, warning: string, why: string): void {
    this.warn(`devchain: ${warning}; it is deleted, and a restart replays the whole log`)
    void store.deleteSnapshot().catch(() => undefined)
    this.restoreError = new RpcError(RpcCode.MISC_ERROR, `devchain: ${why}; restart the chain: it will replay the whole log`)
  }

  /**
   * A snapshot found damaged after a start answered from its header: the whole log, the records
   * after the snapshot's offset included, is replayed into the still-empty state, as a start does
   * when its snapshot is damaged.
   */
  private async replayWholeLog(store: ChainStore, why: string): Promise<void> {
    this.warn(`devchain: ignored the snapshot in ${store.location}: ${why}; replaying the whole log`)
    await store.deleteSnapshot()
    if (this.log) this.log.snapshotOffset = 0
    const bytes = await store.readLog(0)
    const { records, good } = scanRecords(bytes)
    this.pending = null // the replay below builds the state in one go
    if (good !== bytes.length || records.length === 0) {
      this.restoreError = new RpcError(RpcCode.MISC_ERROR, `devchain: the log in ${store.location} is damaged before the snapshot's offset (byte ${good}); restart the chain (see --recover)`)
      return
    }
    this.replay(records, 1)
  }

  /** Runs the pending restore a slice at a time, yielding to the event loop (and its callers) between slices. */
  private async restoreInSlices(): Promise<void> {
    await this.pending?.loaded
    while (this.pending?.steps && !this.closed) {
      await platform.yieldToEventLoop()
      const started = performance.now()
      while (this.pending?.steps && !this.closed && performance.now() - started < this.restoreSliceMs) {
        if (this.pending.steps.next().done) this.pending = null
      }
    }
  }

  /** Finishes a background restore now; throws when it failed, or while its snapshot is still being read. */
  private settle(): void {
    const p = this.pending
    if (p?.steps) {
      this.pending = null
      drain(p.steps)
    } else if (p) {
      // komodod's answer while it loads its block index (RPC_IN_WARMUP).
      throw new RpcError(RpcCode.IN_WARMUP, 'Loading block index...')
    }
    if (this.restoreError) throw this.restoreError
  }

  private coreState(): CoreState {
    return {
      meta: this.meta(),
      mining: this.loggedMining ?? '',
      wallets: [...this.wallets.values()].map((w) => ({
        node: w.node,
        pubkey: w.pubkey,
        keys: w.keys.map((k) => ({ priv: platform.toHex(k.priv), labeled: k.labeled, created: k.created })),
      })),
    }
  }

  /** Writes a snapshot of the state as the log stands now (after a flush), one at a time; false when nothing was new. */
  writeSnapshot(): Promise<boolean> {
    const log = this.log
    if (!log || this.snapshotEvery === false) return Promise.resolve(false)
    const run = async (): Promise<boolean> => {
      const written = await log.saveSnapshot((cover, out) => writeSnapshotTo(this.ledger, this.coreState(), cover, out))
      if (written) this.snapshotHeight = this.ledger.height
      return written
    }
    const p = this.snapshotting.then(run)
    this.snapshotting = p.catch((e: unknown) => this.warn(`devchain: could not write a snapshot: ${e instanceof Error ? e.message : String(e)}`))
    return p
  }

  /** After a state change: a snapshot once `snapshotEvery` blocks were added since the last one. */
  private maybeSnapshot(): void {
    if (this.snapshotEvery && this.ledger.height - this.snapshotHeight >= this.snapshotEvery) void this.writeSnapshot().catch(() => undefined)
  }

  private walletOrCreate(node: string): Wallet {
    let w = this.walletMap.get(node)
    if (!w) this.walletMap.set(node, (w = new Wallet(node, this.current, this.seed)))
    return w
  }

  private onBlock(b: BlockRecord): void {
    if (this.replaying) return
    this.log?.append(RecordType.Block, b.raw)
    const ev = { height: b.height, hash: b.hash }
    for (const fn of this.blockFns) fn(ev)
  }

  /** The nodes' names, known before a background restore is done. */
  get nodes(): string[] {
    const names = [...this.walletMap.keys()]
    if (this.pending) for (const n of this.pending.nodes) if (!names.includes(n)) names.push(n)
    return names
  }

  wallet(node: string): Wallet {
    const w = this.wallets.get(node)
    if (!w) throw new RpcError(RpcCode.INVALID_PARAMETER, `Unknown node: ${node}`)
    return w
  }

  newKey(node: string, labeled: boolean) {
    const w = this.wallet(node)
    const k = w.deriveKey(labeled)
    this.log?.append(RecordType.Key, packStrings(node, k.priv, Uint8Array.of(labeled ? 1 : 0)))
    return k
  }

  /** Adds a fresh key to a node (devchain_resetidentity uses it with setPubkey). */
  setPubkey(node: string, pubHex: string): void {
    this.wallet(node).pubkey = pubHex
    this.log?.append(RecordType.Pubkey, packStrings(node, pubHex))
  }

  // ── transactions and blocks ────────────────────────────────────────────────────────────────

  /**
   * Accepts a tx into the mempool (mining a block right away in automine mode). `own` = built and
   * signed by a node wallet just now: the signature checks are skipped, CC rules still apply.
   */
  async submit(raw: Uint8Array, tx: Tx, origin: 'own' | 'external' = 'external'): Promise<string> {
    const txid = origin === 'own' ? this.ledger.accept(raw, tx, { scriptsChecked: true }) : await this.ledger.acceptAsync(raw, tx)
    if (this.mining.mode === 'automine' && this.ledger.mempool.has(txid)) this.ledger.mine(this.wallet('miner').miningScript())
    return txid
  }

  /**
   * Mines n blocks paying `node`, yielding to the event loop every few milliseconds (other calls
   * are answered meanwhile) and stopping there once `signal` aborts (its caller left).
   */
  generate(node: string, n: number, signal?: AbortSignal): Promise<string[]> {
    const run = async (): Promise<string[]> => {
      await this.pending?.loaded
      const script = this.wallet(node).miningScript()
      const hashes: string[] = []
      let sliceStart = performance.now()
      for (let i = 0; i < n; i++) {
        if (i > 0 && i % GENERATE_CHUNK === 0) await this.log?.flush()
        if (i > 0 && performance.now() - sliceStart > GENERATE_SLICE_MS) {
          await platform.yieldToEventLoop()
          sliceStart = performance.now()
        }
        if (signal?.aborted) {
          await this.log?.flush()
          throw new RpcError(RpcCode.MISC_ERROR, `generate cancelled after ${i} blocks`)
        }
        hashes.push(this.ledger.mine(script).hash)
      }
      await this.log?.flush()
      this.maybeSnapshot()
      return hashes
    }
    const p = this.queue.then(run)
    this.queue = p.catch(() => undefined)
    return p
  }

  setMining(state: MiningState): void {
    this.mining = state
    this.loggedMining = state.mode === 'interval' ? `interval:${state.seconds}` : state.mode
    this.log?.append(RecordType.Mining, enc.encode(this.loggedMining))
    this.applyMining()
  }

  private applyMining(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (this.mining.mode === 'interval' && !this.closed) {
      this.timer = setInterval(() => {
        void this.generate('miner', 1).catch(() => undefined)
      }, this.mining.seconds * 1000)
      // Node: an interval alone must not keep the process alive (browsers have no unref).
      ;(this.timer as { unref?: () => void }).unref?.()
    }
  }

  // ── calls ──────────────────────────────────────────────────────────────────────────────────

  async call(node: string, method: string, params: unknown[], opts?: CallOptions): Promise<unknown> {
    if (this.closed) throw new RpcError(RpcCode.MISC_ERROR, 'devchain is closed')
    // While a start restores its snapshot in the background, the tip is already known.
    if (this.pending && params.length === 0 && this.walletMap.has(node)) {
      if (method === 'getblockcount') return this.pending.height
      if (method === 'getbestblockhash') return this.pending.tip
    }
    // Anything else waits until the snapshot is read and checked (then the state's first use finishes the restore).
    if (this.pending) await this.pending.loaded
    try {
      return await dispatch(this, node, method, params, opts)
    } finally {
      // Everything a call changed is on disk before its answer leaves.
      if (this.log?.dirty) {
        await this.log.flush()
        this.maybeSnapshot()
      }
    }
  }

  on(event: 'block', fn: (b: { height: number; hash: string }) => void): void {
    if (event === 'block') this.blockFns.push(fn)
  }

  onStop(fn: () => void): void {
    this.stopFns.push(fn)
  }

  requestStop(): void {
    void platform.yieldToEventLoop().then(() => {
      for (const fn of this.stopFns) fn()
    })
  }

  // ── checkpoints ────────────────────────────────────────────────────────────────────────────

  private checkpointLog(): RecordLog {
    if (!this.log) throw new RpcError(RpcCode.MISC_ERROR, 'checkpoints need a chain kept in a data directory; this one is memory-only')
    return this.log
  }

  /**
   * Where the chain stands now, as a log offset (records not yet flushed included): everything a later
   * call changes is appended after it, so cutting the log there and replaying gives this state back.
   */
  checkpoint(): { offset: number; height: number; hash: string } {
    return { offset: this.checkpointLog().size, height: this.ledger.height, hash: this.ledger.tip.hash }
  }

  /** Puts the chain back where it stood at `offset` (a checkpoint): the log is cut there and replayed. */
  rewind(offset: number): Promise<{ offset: number; height: number; hash: string }> {
    const run = async () => {
      const log = this.checkpointLog()
      await log.flush()
      const { records } = scanRecords(await log.store.readLog(0))
      // A checkpoint is a record boundary at or after the first block (the chain's birth).
      const firstBlock = records.findIndex((r) => r.type === RecordType.Block)
      const at = records.findIndex((r) => r.end === offset)
      if (firstBlock < 0 || at < firstBlock) throw new RpcError(RpcCode.INVALID_PARAMETER, 'not a checkpoint of this chain')
      await log.truncate(offset)
      // A snapshot covers a later state: without it, the next start replays the log alone.
      await log.store.deleteSnapshot()
      log.snapshotOffset = 0
      this.snapshotHeight = 0
      this.loggedMining = null
      this.ledger = new Ledger(this.params, this.modules)
      this.wallets.clear()
      for (const n of NODE_NAMES) this.wallets.set(n, new Wallet(n, this.ledger, this.seed))
      this.mining = this.startMining
      this.replay(records.slice(0, at + 1), 1)
      this.listen()
      this.applyMining()
      return this.checkpoint()
    }
    const p = this.queue.then(run)
    this.queue = p.catch(() => undefined)
    return p
  }

  async close(): Promise<void> {
    if (this.closed) return
    await this.pending?.loaded
    await this.queue
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    // A clean close leaves a snapshot of the tip: the next start replays nothing.
    if (this.snapshotEvery !== false) await this.writeSnapshot().catch(() => undefined)
    await this.snapshotting
    await this.log?.close()
  }
}
