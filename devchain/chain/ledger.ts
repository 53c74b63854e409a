/**
 * The ledger: blocks, transactions, UTXO set, mempool and the address/spent indexes komodod keeps
 * with -addressindex/-spentindex (on by default with -ac_cc). One ledger is shared by every node.
 */
import { sha256, sha256d, hashToHex, hexToHash, fromHex, toHex } from '../crypto/hash.ts'
import { verifyDer } from '../crypto/keys.ts'
import { Reader, Writer, DecodeError } from '../tx/bytes.ts'
import { parseTx, isCoinbase, txidOf, newTx, coinbaseInput, serializeTx, type Tx } from '../tx/transaction.ts'
import { classifyScript, parseScript, scriptNum, concat, p2pk, opReturn } from '../tx/script.ts'
import { signatureHash } from '../tx/sighash.ts'
import { merkleRoot, mineHeader, parseBlock, readHeader, serializeBlock, type BlockHeader, type ParsedBlock } from '../tx/block.ts'
import type { ChainParams } from './params.ts'
import { ByteArena } from './byteArena.ts'
import { BlockTable } from './blockTable.ts'
import type { CcModule, ValidationContext } from '../modules.ts'
import { outpointKey, type AddrEntry, type Coin, type CoinWatcher, type TxRecord, type TxsView, type WalletLedger } from './view.ts'
import * as E from './errors.ts'
import { equalBytes } from '@noble/curves/utils.js'
import { platform } from '#platform'
import { isFinalTx, nonStandardReason } from './policy.ts'

export const COIN = 100_000_000
export const MAX_MONEY = 200_000_000 * COIN * 10 // generous; the devchain never mints near it
/** Display-order constants from a regtest komodod (empty sapling/sprout trees). */
export const EMPTY_SAPLING_ROOT = '3e49b5f954aa9d3545bc6c37744661eea48d7c34e3000d82b7f0010c30f4c2fb'
export const EMPTY_SPROUT_ROOT = '59d2cde5e65c1414c32ba54f0fe4bdb3d67618125286e6a191317917c812c6d7'
export const REGTEST_BITS = 0x200f0f0f
/** Work of one block at REGTEST_BITS (2^256 / (target+1)), so chainwork = 17·(height+1). */
export const BLOCK_WORK = 17

export interface BlockRecord {
  height: number
  hash: string
  time: number
  /** Parsed from `raw` on each access: blocks are kept as bytes only. */
  readonly header: BlockHeader
  readonly txids: string[]
  readonly size: number
  readonly raw: Uint8Array
}

export interface SpentInfo {
  txid: string
  index: number
  height: number
}

export interface AcceptOptions {
  /** Skip script and CC checks: transactions replayed from the devchain's own log. */
  trusted?: boolean
  /** Skip only the signature checks (done already, e.g. chunked by acceptAsync or own wallet txs). */
  scriptsChecked?: boolean
}

/** Inputs verified between two yields to the event loop in acceptAsync. */
const VERIFY_CHUNK = 16

/** A mempool transaction: its own bytes and parsed form (once confirmed, its block's bytes serve: `ConfirmedTx`). */
class MempoolTx implements TxRecord {
  height = -1
  index = -1
  constructor(
    readonly txid: string,
    readonly raw: Uint8Array,
    readonly tx: Tx,
    public time: number,
    public fee: number,
  ) {}
}

/** A confirmed transaction, made when asked for from the block table's columns; `tx` is parsed from its block's bytes on each access. */
class ConfirmedTx implements TxRecord {
  readonly height: number
  readonly index: number
  readonly time: number
  readonly fee: number
  constructor(
    private readonly table: BlockTable,
    private readonly row: number,
    readonly txid: string,
  ) {
    this.height = table.txHeightOf(row)
    this.index = table.txIndexOf(row)
    this.time = table.txTimeOf(row)
    this.fee = table.txFeeOf(row)
  }

  get raw(): Uint8Array {
    return this.table.txRaw(this.row)
  }

  get tx(): Tx {
    return parseTx(this.raw)
  }
}

/** A block, made when asked for from the block table's columns; its header and txids are read on each access. */
class BlockView implements BlockRecord {
  readonly hash: string
  readonly time: number
  readonly size: number
  constructor(
    private readonly table: BlockTable,
    readonly height: number,
  ) {
    this.hash = table.blockHashes.hex(height)
    this.time = table.blockTime(height)
    this.size = table.blockSize(height)
  }

  get raw(): Uint8Array {
    return this.table.blockRaw(this.height)
  }

  get header(): BlockHeader {
    return readHeader(new Reader(this.raw))
  }

  get txids(): string[] {
    const [first, end] = this.table.txRows(this.height)
    const out = new Array<string>(end - first)
    for (let r = first; r < end; r++) out[r - first] = this.table.txids.hex(r)
    return out
  }
}

/** Confirmed and mempool transactions by txid (lowercase hex, as komodod prints them): the mempool's map, then the block table. */
class TxLookup implements TxsView {
  constructor(
    private readonly mempool: ReadonlyMap<string, TxRecord>,
    private readonly table: BlockTable,
  ) {}

  get(txid: string): TxRecord | undefined {
    const pending = this.mempool.get(txid)
    if (pending) return pending
    const row = this.table.txids.findHex(txid)
    return row < 0 ? undefined : new ConfirmedTx(this.table, row, txid)
  }

  has(txid: string): boolean {
    return this.get(txid) !== undefined
  }

  get size(): number {
    return this.table.txCount + this.mempool.size
  }

  /** Every transaction, confirmed (in chain order) then in the mempool: made one by one, for tests and tools. */
  *values(): IterableIterator<TxRecord> {
    for (let r = 0; r < this.table.txCount; r++) yield new ConfirmedTx(this.table, r, this.table.txids.hex(r))
    yield* this.mempool.values()
  }
}

/** Block heights by hash (lowercase hex), from the block table. */
class BlockHashLookup {
  constructor(private readonly table: BlockTable) {}

  get(hash: string): number | undefined {
    const h = this.table.blockHashes.findHex(hash)
    return h < 0 ? undefined : h
  }

  has(hash: string): boolean {
    return this.get(hash) !== undefined
  }

  get size(): number {
    return this.table.blockCount
  }

  /** [hash, height] of every block, by height. */
  *[Symbol.iterator](): IterableIterator<[string, number]> {
    for (let h = 0; h < this.table.blockCount; h++) yield [this.table.blockHashes.hex(h), h]
  }
}

/** A confirmed transaction as a snapshot keeps it: where it sits in its block's bytes, and what replay computed. */
export interface RestoredTx {
  txid: string
  start: number
  end: number
  time: number
  fee: number
}

export type { AddrEntry, Coin, CoinWatcher, LedgerView, TxRecord } from './view.ts'
export { outpointKey }

export class Ledger implements WalletLedger {
  /** Blocks and confirmed transactions as columns (blockTable.ts); records are made when asked for. */
  readonly table = new BlockTable()
  readonly blockByHash = new BlockHashLookup(this.table)
  readonly utxos = new Map<string, Coin>()
  readonly mempool = new Map<string, TxRecord>()
  readonly txs = new TxLookup(this.mempool, this.table)
  /** Outpoint → txid of the mempool tx spending it. */
  readonly mempoolSpends = new Map<string, string>()
  /** Outputs created by mempool txs, and the same keyed by address (wallets look them up per key). */
  readonly mempoolCoins = new Map<string, Coin>()
  readonly mempoolByAddress = new Map<string, Map<string, Coin>>()
  readonly addrIndex = new Map<string, AddrEntry[]>()
  readonly ccIndex = new Map<string, AddrEntry[]>()
  readonly addrUtxos = new Map<string, Map<string, Coin>>()
  readonly ccUtxos = new Map<string, Map<string, Coin>>()
  readonly spentIndex = new Map<string, SpentInfo>()
  /** Sum of each address's confirmed unspent outputs (the sums of addrUtxos and ccUtxos, kept as they change). */
  readonly utxoTotals = new Map<string, number>()
  private readonly watchers = new Map<string, CoinWatcher[]>()
  private readonly arena = new ByteArena()
  /** One copy of each address's script, shared by all its coins (coin scripts are never mutated). */
  private readonly scriptByAddress = new Map<string, Uint8Array[]>()
  /** The tip's record, made once per block. */
  private tipView: BlockView | undefined
  private blockListeners: ((b: BlockRecord) => void)[] = []
  private txListeners: ((t: TxRecord) => void)[] = []

  constructor(
    readonly params: ChainParams,
    readonly modules: readonly CcModule[] = [],
  ) {
    this.connect(this.genesis(), null)
  }

  /** Wallets keep their coin indexes through this; coins paying `address` already are not replayed. */
  watch(address: string, w: CoinWatcher): void {
    const list = this.watchers.get(address)
    if (list) list.push(w)
    else this.watchers.set(address, [w])
  }

  onBlock(fn: (b: BlockRecord) => void): void {
    this.blockListeners.push(fn)
  }

  /** Called for every transaction accepted into the mempool (not for replays of blocks). */
  onTx(fn: (t: TxRecord) => void): void {
    this.txListeners.push(fn)
  }

  get height(): number {
    return this.table.blockCount - 1
  }

  get tip(): BlockRecord {
    return (this.tipView ??= new BlockView(this.table, this.height))
  }

  /** The block at `height`, or undefined outside the chain. */
  block(height: number): BlockRecord | undefined {
    if (!Number.isInteger(height) || height < 0 || height > this.height) return undefined
    return height === this.height ? this.tip : new BlockView(this.table, height)
  }

  /**
   * Every block as a record, by height: O(height) objects, for tests and tools (the engine reads
   * `block(h)` and the table).
   */
  get blocks(): BlockRecord[] {
    return Array.from({ length: this.table.blockCount }, (_, h) => new BlockView(this.table, h))
  }

  /** `setmocktime`'s clock for the next block (0: the chain's own clock). Not persisted: the block it stamps is. */
  private mockTime = 0

  setMockTime(time: number): void {
    this.mockTime = time
  }

  /**
   * The next block's time. The chain's own clock ticks one blocktime per block from the tip, so a
   * chain is deterministic; a mock time set since the last block replaces it once, and the clock goes
   * on from the block that took it (komodod's UpdateTime also keeps a block above the median time past).
   */
  nextBlockTime(): number {
    if (this.table.blockCount === 0) return this.params.genesisTime
    const own = this.tip.time + this.params.blocktime
    return Math.max(this.mockTime || own, this.medianTimePast() + 1)
  }

  blockTimeAt(height: number): number | undefined {
    return Number.isInteger(height) && height >= 0 && height <= this.height ? this.table.blockTime(height) : undefined
  }

  /** An unspent coin as the chain-plus-mempool view sees it (CCoinsViewMemPool: mempool spends do not hide it). */
  viewCoin(txid: string, vout: number): Coin | undefined {
    const k = outpointKey(txid, vout)
    return this.utxos.get(k) ?? this.mempoolCoins.get(k)
  }

  /** A coin spendable by a new mempool tx: confirmed or in the mempool, and not spent by the mempool. */
  findCoin(txid: string, vout: number): Coin | undefined {
    const k = outpointKey(txid, vout)
    if (this.mempoolSpends.has(k)) return undefined
    return this.utxos.get(k) ?? this.mempoolCoins.get(k)
  }

  /** Median time of the last 11 blocks: the clock time-based lock times are compared with (LOCKTIME_MEDIAN_TIME_PAST). */
  medianTimePast(): number {
    const times: number[] = []
    for (let h = Math.max(0, this.height - 10); h <= this.height; h++) times.push(this.table.blockTime(h))
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)]
  }

  confirmations(height: number): number {
    return height < 0 ? 0 : this.height - height + 1
  }

  // ── blocks ─────────────────────────────────────────────────────────────────────────────────

  private genesis(): Uint8Array {
    const msg = new TextEncoder().encode(`devchain genesis ${this.params.name}`)
    const cb = newTx([coinbaseInput(concat(scriptNum(0), Uint8Array.of(msg.length), msg))], [{ value: 0, script: opReturn(msg) }], this.params.genesisTime)
    return this.assemble(cb, [], new Uint8Array(32), 0, this.params.genesisTime).raw
  }

  private assemble(coinbase: Tx, rawTxs: Uint8Array[], prevHash: Uint8Array, height: number, time: number): { raw: Uint8Array; header: BlockHeader; cbRaw: Uint8Array } {
    const cbRaw = serializeTx(coinbase)
    const all = [cbRaw, ...rawTxs]
    const root = merkleRoot(all.map((r) => sha256d(r)))
    const seedBytes = new Writer().bytes(prevHash).u32(height).finish()
    const nonce = sha256(seedBytes)
    const header = mineHeader({
      version: 4, prevHash, merkleRoot: root, finalSaplingRoot: hexToHash(EMPTY_SAPLING_ROOT),
      time, bits: REGTEST_BITS, nonce, solution: concat(sha256(nonce), nonce.subarray(0, 4)),
    })
    return { raw: serializeBlock(header, all), header, cbRaw }
  }

  /**
   * Mines one block from the whole mempool; coinbase pays reward (the premine at height 1)
   * plus fees to `payTo`.
   */
  mine(payTo: Uint8Array): BlockRecord {
    const height = this.height + 1
    const entries = this.assemblable(height)
    let fees = 0
    for (const e of entries) fees += e.fee
    const subsidy = height === 1 ? this.params.premineSats : this.params.reward
    const time = this.nextBlockTime()
    this.mockTime = 0
    // BIP34-style height push plus a marker byte, like komodod's coinbase scriptSig.
    const cb = newTx([coinbaseInput(concat(scriptNum(height), Uint8Array.of(1, 1)))], [{ value: subsidy + fees, script: payTo }], time)
    const { raw, header, cbRaw } = this.assemble(cb, entries.map((e) => e.raw), this.table.blockHashes.at(height - 1).slice(), height, time)
    // The block is ours: reuse the objects instead of parsing what was just serialized.
    const headerLen = raw.length - entries.reduce((a, e) => a + e.raw.length, 0) - cbRaw.length - varintSize(entries.length + 1)
    const parsed: ParsedBlock = { header, headerLen, txs: [{ tx: cb, raw: cbRaw }, ...entries.map((e) => ({ tx: e.tx, raw: e.raw }))] }
    return this.connect(raw, entries, parsed)
  }

  /** Connects a serialized block on top of the tip (own mining and log replay). */
  connectRaw(raw: Uint8Array): BlockRecord {
    return this.connect(raw, null)
  }

  private connect(raw: Uint8Array, fromMempool: TxRecord[] | null, parsed: ParsedBlock = parseBlock(raw)): BlockRecord {
    const T = this.table
    const height = T.blockCount
    const hash = sha256d(raw.subarray(0, parsed.headerLen))
    if (height > 0 && !equalBytes(parsed.header.prevHash, T.blockHashes.at(height - 1))) throw new Error(`block ${hashToHex(hash)} does not extend the tip`)
    const span = this.arena.put(raw)
    const firstTx = T.txCount
    let at = parsed.headerLen + varintSize(parsed.txs.length)
    try {
      parsed.txs.forEach(({ tx, raw: txRaw }, index) => {
        const own = fromMempool && index > 0 ? fromMempool[index - 1] : undefined
        const idBytes = own ? hexToHash(own.txid) : sha256d(txRaw)
        const txid = own?.txid ?? hashToHex(idBytes)
        const pending = this.mempool.get(txid)
        if (pending) this.removeFromMempool(pending)
        // Genesis outputs are unspendable, as in komodod.
        const fee = height > 0 ? this.applyTx(txid, height, index === 0, tx) : 0
        T.addTx(idBytes, height, at, at + txRaw.length, pending ? pending.time : parsed.header.time, fee)
        at += txRaw.length
      })
    } catch (e) {
      T.truncateTxs(firstTx)
      throw e
    }
    T.addBlock(hash, parsed.header.time, span.bytes, span.start, raw.length, firstTx)
    this.tipView = undefined
    this.removeExpired(height)
    const rec = this.tip
    for (const fn of this.blockListeners) fn(rec)
    return rec
  }

  /** Spends the tx's inputs and adds its outputs to the UTXO set and indexes; returns its fee (0 for a coinbase). */
  private applyTx(txid: string, height: number, coinbase: boolean, tx: Tx): number {
    let inSum = 0
    if (!coinbase) {
      tx.vin.forEach((input, i) => {
        const prev = hashToHex(input.prevHash)
        const k = outpointKey(prev, input.prevIndex)
        const coin = this.utxos.get(k)
        if (!coin) throw new Error(`block spends missing coin ${k}`)
        inSum += coin.value
        this.utxos.delete(k)
        this.spentIndex.set(k, { txid, index: i, height })
        if (coin.address) {
          const idx = coin.cc ? this.ccIndex : this.addrIndex
          pushEntry(idx, coin.address, { txid, index: i, satoshis: -coin.value, height, spending: true })
          ;(coin.cc ? this.ccUtxos : this.addrUtxos).get(coin.address)?.delete(k)
          this.utxoTotals.set(coin.address, (this.utxoTotals.get(coin.address) ?? 0) - coin.value)
          if (!coin.cc) for (const w of this.watchers.get(coin.address) ?? NO_WATCHERS) w.remove(coin)
        }
      })
    }
    let outSum = 0
    tx.vout.forEach((out, n) => {
      outSum += out.value
      const info = classifyScript(out.script)
      if (info.type === 'nulldata') return
      const address = info.addresses[0] ?? null
      const cc = info.type === 'cryptocondition'
      const coin: Coin = { txid, vout: n, value: out.value, script: this.sharedScript(address, out.script), height, coinbase, address, cc }
      const k = outpointKey(txid, n)
      this.utxos.set(k, coin)
      if (address) {
        pushEntry(cc ? this.ccIndex : this.addrIndex, address, { txid, index: n, satoshis: out.value, height, spending: false })
        const m = cc ? this.ccUtxos : this.addrUtxos
        let u = m.get(address)
        if (!u) m.set(address, (u = new Map()))
        u.set(k, coin)
        this.utxoTotals.set(address, (this.utxoTotals.get(address) ?? 0) + out.value)
        if (!cc) for (const w of this.watchers.get(address) ?? NO_WATCHERS) w.add(coin)
      }
    })
    return coinbase ? 0 : inSum - outSum
  }

  /**
   * A shared copy of the script with these bytes paying this address (P2PK and P2PKH scripts of one
   * key share an address, hence a short list). Most coins pay a few addresses: one buffer each, not
   * one per coin.
   */
  private sharedScript(address: string | null, script: Uint8Array): Uint8Array {
    if (!address) return script
    let list = this.scriptByAddress.get(address)
    if (!list) this.scriptByAddress.set(address, (list = []))
    for (const known of list) if (known === script || equalBytes(known, script)) return known
    if (list.length >= 4) return script
    // A copy, so the shared script does not pin the buffer it was cut from.
    const own = script.slice()
    list.push(own)
    return own
  }

  // ── snapshot seam (chain/snapshot.ts): state back in without re-parsing, re-hashing or re-validating ──

  /**
   * Appends the next block with its confirmed transactions, as a snapshot recorded them. The block is
   * `size` bytes at `start` in `bytes` (a snapshot's run of blocks serves as their arena); tx offsets
   * are relative to the block.
   */
  restoreBlock(hash: string, time: number, bytes: Uint8Array, start: number, size: number, txs: readonly RestoredTx[]): void {
    const height = this.table.blockCount
    const firstTx = this.table.txCount
    for (const t of txs) this.table.addTxHex(t.txid, height, t.start, t.end, t.time, t.fee)
    this.table.addBlockHex(hash, time, bytes, start, size, firstTx)
    this.tipView = undefined
  }

  /** Adds an unspent confirmed coin (its script is shared per address, as applyTx does). */
  restoreCoin(coin: Coin): void {
    coin.script = this.sharedScript(coin.address, coin.script)
    const k = outpointKey(coin.txid, coin.vout)
    this.utxos.set(k, coin)
    if (coin.address) {
      const m = coin.cc ? this.ccUtxos : this.addrUtxos
      let u = m.get(coin.address)
      if (!u) m.set(coin.address, (u = new Map()))
      u.set(k, coin)
      this.utxoTotals.set(coin.address, (this.utxoTotals.get(coin.address) ?? 0) + coin.value)
    }
  }

  // ── mempool ────────────────────────────────────────────────────────────────────────────────

  /** CTxMemPool::removeExpired after a block at `height`: txs with an expiry below it, and what spends them. */
  private removeExpired(height: number): void {
    for (const rec of [...this.mempool.values()]) {
      const exp = rec.tx.expiryHeight
      if (exp !== 0 && height > exp) this.dropFromMempool(rec.txid)
    }
  }

  /** Removes a mempool tx and, recursively, the mempool txs spending its outputs (CTxMemPool::remove). */
  dropFromMempool(txid: string): void {
    const rec = this.mempool.get(txid)
    if (!rec) return
    this.removeFromMempool(rec)
    rec.tx.vout.forEach((_, n) => {
      const spender = this.mempoolSpends.get(outpointKey(txid, n))
      if (spender) this.dropFromMempool(spender)
    })
  }

  /**
   * Mempool txs that still pass the modules' rules against the block being assembled, in order;
   * the others leave the mempool (komodod's miner re-runs the CC eval of every tx it includes).
   */
  private assemblable(height: number): TxRecord[] {
    const out: TxRecord[] = []
    for (const e of [...this.mempool.values()]) {
      if (!this.mempool.has(e.txid)) continue // dropped with a parent
      const spent = e.tx.vin.map((i) => {
        const k = outpointKey(hashToHex(i.prevHash), i.prevIndex)
        return this.utxos.get(k) ?? this.mempoolCoins.get(k)
      })
      const touchesCC = spent.some((c) => c?.cc) || e.tx.vout.some((o) => classifyScript(o.script).type === 'cryptocondition')
      let reason: string | null | undefined = spent.every(Boolean) ? null : 'bad-txns-inputs-missingorspent'
      if (!reason && touchesCC) {
        const vctx: ValidationContext = { chain: { params: this.params, ledger: this }, height, spent: spent as Coin[], txid: e.txid }
        for (const m of this.modules) if ((reason = m.validate?.(e.tx, vctx))) break
      }
      if (reason) this.dropFromMempool(e.txid)
      else out.push(e)
    }
    return out
  }

  private removeFromMempool(rec: TxRecord): void {
    this.mempool.delete(rec.txid)
    for (const input of rec.tx.vin) this.mempoolSpends.delete(outpointKey(hashToHex(input.prevHash), input.prevIndex))
    rec.tx.vout.forEach((_, n) => {
      const k = outpointKey(rec.txid, n)
      const c = this.mempoolCoins.get(k)
      if (c?.address) this.mempoolByAddress.get(c.address)?.delete(k)
      this.mempoolCoins.delete(k)
    })
  }

  /** Decodes a hex transaction or throws -22 `TX decode failed`. */
  static decodeHex(hex: string): { tx: Tx; raw: Uint8Array } {
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw E.decodeFailed()
    const raw = fromHex(hex)
    try {
      return { tx: parseTx(raw), raw }
    } catch (e) {
      if (e instanceof DecodeError) throw E.decodeFailed()
      throw e
    }
  }

  /**
   * komodod's AcceptToMemoryPool, with its reject codes and messages. Returns the txid; a tx
   * already in the mempool is accepted again silently (sendrawtransaction returns its txid).
   */
  accept(raw: Uint8Array, tx: Tx, opts: AcceptOptions = {}): string {
    const txid = txidOf(raw)
    if (this.mempool.has(txid)) return txid
    if (this.txs.has(txid)) throw E.alreadyInChain()
    if (isCoinbase(tx)) throw E.rejected(E.REJECT_INVALID, 'coinbase')
    if (!tx.overwintered) throw E.rejected(E.REJECT_INVALID, 'tx-overwinter-active')
    if (tx.version < 4) throw E.rejected(E.REJECT_INVALID, 'bad-sapling-tx-version-group-id')
    if (tx.vin.length === 0) throw E.rejected(E.REJECT_INVALID, 'bad-txns-vin-empty')
    if (tx.vout.length === 0) throw E.rejected(E.REJECT_INVALID, 'bad-txns-vout-empty')
    let outSum = 0
    for (const o of tx.vout) {
      if (o.value < 0) throw E.rejected(E.REJECT_INVALID, 'bad-txns-vout-negative')
      if (o.value > MAX_MONEY) throw E.rejected(E.REJECT_INVALID, 'bad-txns-vout-toolarge')
      outSum += o.value
    }
    if (tx.valueBalance !== 0) throw E.rejected(E.REJECT_INVALID, 'bad-txns-valuebalance-nonzero')
    const height = this.height + 1
    if (tx.expiryHeight !== 0 && height > tx.expiryHeight) throw E.rejected(E.REJECT_INVALID, 'tx-overwinter-expired')
    // AcceptToMemoryPool's order: standardness (not on -regtest, whose params do not require it), then finality.
    if (!opts.trusted) {
      const reason = this.params.regtest ? null : nonStandardReason(tx, this.params.dataCarrierBytes)
      if (reason) throw E.rejected(E.REJECT_NONSTANDARD, reason)
      if (!isFinalTx(tx, height, this.medianTimePast())) throw E.rejected(E.REJECT_NONSTANDARD, 'non-final')
    }
    const seen = new Set<string>()
    for (const input of tx.vin) {
      const k = outpointKey(hashToHex(input.prevHash), input.prevIndex)
      if (seen.has(k)) throw E.rejected(E.REJECT_INVALID, 'bad-txns-inputs-duplicate')
      seen.add(k)
    }
    for (const k of seen) if (this.mempoolSpends.has(k)) throw E.rejected(E.REJECT_CONFLICT, 'txn-mempool-conflict')
    const spent: Coin[] = []
    for (const input of tx.vin) {
      const coin = this.findCoin(hashToHex(input.prevHash), input.prevIndex)
      if (!coin) throw E.missingInputs()
      spent.push(coin)
    }
    let inSum = 0
    for (const c of spent) {
      if (c.coinbase && height - c.height < this.params.coinbaseMaturity) throw E.rejected(E.REJECT_INVALID, 'bad-txns-premature-spend-of-coinbase')
      inSum += c.value
    }
    if (inSum < outSum) throw E.rejected(E.REJECT_INVALID, 'bad-txns-in-belowout')
    const vctx: ValidationContext = { chain: { params: this.params, ledger: this }, height, spent, txid }
    if (!opts.trusted && !opts.scriptsChecked) {
      for (let i = 0; i < tx.vin.length; i++) {
        const reason = this.verifyInput(tx, i, spent[i], vctx)
        if (reason) throw E.rejected(E.REJECT_INVALID, reason)
      }
    }
    const touchesCC = spent.some((c) => c.cc) || tx.vout.some((o) => classifyScript(o.script).type === 'cryptocondition')
    if (touchesCC && !opts.trusted) {
      if (!this.params.cc) throw E.rejected(E.REJECT_INVALID, E.SCRIPT_FALSE)
      for (const m of this.modules) {
        const reason = m.validate?.(tx, vctx)
        if (reason) throw E.rejected(E.REJECT_INVALID, reason)
      }
    }
    const rec = new MempoolTx(txid, raw, tx, this.nextBlockTime(), inSum - outSum)
    this.mempool.set(txid, rec)
    for (const k of seen) this.mempoolSpends.set(k, txid)
    tx.vout.forEach((out, n) => {
      const info = classifyScript(out.script)
      if (info.type === 'nulldata') return
      const cc = info.type === 'cryptocondition'
      const address = info.addresses[0] ?? null
      const coin: Coin = { txid, vout: n, value: out.value, script: this.sharedScript(address, out.script), height: -1, coinbase: false, address, cc }
      const k = outpointKey(txid, n)
      this.mempoolCoins.set(k, coin)
      if (coin.address) {
        let m = this.mempoolByAddress.get(coin.address)
        if (!m) this.mempoolByAddress.set(coin.address, (m = new Map()))
        m.set(k, coin)
      }
    })
    for (const fn of this.txListeners) fn(rec)
    return txid
  }

  /**
   * accept() for transactions from outside: the signature checks of a many-input transaction run
   * in chunks so other calls keep being answered, then accept() re-checks everything else against
   * the state at that moment (a conflicting spend may have arrived meanwhile).
   */
  async acceptAsync(raw: Uint8Array, tx: Tx): Promise<string> {
    const txid = txidOf(raw)
    if (tx.vin.length <= VERIFY_CHUNK || this.mempool.has(txid) || this.txs.has(txid)) return this.accept(raw, tx)
    const spent: Coin[] = []
    for (const input of tx.vin) {
      const coin = this.findCoin(hashToHex(input.prevHash), input.prevIndex)
      if (!coin) return this.accept(raw, tx) // let accept() report the exact error
      spent.push(coin)
    }
    const vctx: ValidationContext = { chain: { params: this.params, ledger: this }, height: this.height + 1, spent, txid }
    for (let i = 0; i < tx.vin.length; i++) {
      if (i > 0 && i % VERIFY_CHUNK === 0) await platform.yieldToEventLoop()
      const reason = this.verifyInput(tx, i, spent[i], vctx)
      if (reason) {
        this.accept(raw, tx, { scriptsChecked: true }) // structural errors take precedence, as in komodod
        throw E.rejected(E.REJECT_INVALID, reason)
      }
    }
    return this.accept(raw, tx, { scriptsChecked: true })
  }

  /** Script check of one input; null when it passes, else komodod's reject reason. */
  verifyInput(tx: Tx, i: number, coin: Coin, vctx: ValidationContext): string | null {
    const info = classifyScript(coin.script)
    if (info.type === 'cryptocondition') {
      for (const m of this.modules) {
        const r = m.verifySpend?.(tx, i, coin, vctx)
        if (r === true) return null
        if (r === false) return E.SCRIPT_FALSE
      }
      return E.SCRIPT_FALSE
    }
    const ops = parseScript(tx.vin[i].script)
    if (!ops || ops.some((o) => o.data === undefined && o.op !== 0)) return 'mandatory-script-verify-flag-failed (Only non-push operators allowed in signatures)'
    const sigOp = ops[0]?.data
    // An empty scriptSig leaves OP_CHECKSIG / OP_DUP without their operands.
    if (ops.length === 0) return E.SCRIPT_STACK
    if (info.type === 'pubkey' && info.pubkey) {
      if (ops.length !== 1 || !sigOp) return E.SCRIPT_FALSE
      return this.checkSig(tx, i, coin, sigOp, info.pubkey) ? null : E.SCRIPT_FALSE
    }
    if (info.type === 'pubkeyhash' && info.hash) {
      const pub = ops[1]?.data
      if (ops.length !== 2 || !sigOp || !pub) return E.SCRIPT_STACK
      const h = toHex(hash160Of(pub))
      if (h !== toHex(info.hash)) return E.SCRIPT_EQUALVERIFY
      return this.checkSig(tx, i, coin, sigOp, pub) ? null : E.SCRIPT_FALSE
    }
    return E.SCRIPT_FALSE
  }

  private checkSig(tx: Tx, i: number, coin: Coin, sig: Uint8Array, pub: Uint8Array): boolean {
    if (sig.length < 9) return false
    const hashType = sig[sig.length - 1]
    const h = signatureHash(tx, i, coin.script, coin.value, hashType)
    return verifyDer(sig.subarray(0, sig.length - 1), h, pub)
  }
}

import { hash160 as hash160Of } from '../crypto/hash.ts'

const NO_WATCHERS: readonly CoinWatcher[] = []

function varintSize(n: number): number {
  return n < 0xfd ? 1 : n <= 0xffff ? 3 : n <= 0xffffffff ? 5 : 9
}

function pushEntry(idx: Map<string, AddrEntry[]>, address: string, e: AddrEntry): void {
  let list = idx.get(address)
  if (!list) idx.set(address, (list = []))
  list.push(e)
}

export { p2pk }
