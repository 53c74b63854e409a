/**
 * The confirmed chain as columns: per block its hash, time and where its bytes are; per confirmed
 * transaction its txid, block, place in the block's bytes, first-seen time and fee. A block or a
 * transaction record (`BlockRecord`, `TxRecord`) is made only when someone asks for one.
 *
 * Why: a miner's chain is mostly empty blocks, and at 100,000 of them the per-block objects (a
 * record, its hash as a hex string, a txids array, a txid string, a tx record, two Map entries)
 * were ≈400 bytes of heap a block, more than the block's own bytes. Here a block costs ≈60 bytes of
 * columns and a transaction ≈60, beside the bytes themselves (packed into shared chunks, see
 * byteArena.ts).
 */
import { HashRows, grown } from './hashRows.ts'

export class BlockTable {
  readonly blockHashes = new HashRows()
  readonly txids = new HashRows()
  /** The byte chunks blocks sit in (a block never spans two). */
  private readonly chunks: Uint8Array[] = []
  private time = new Uint32Array(1024)
  private chunk = new Int32Array(1024)
  private start = new Int32Array(1024)
  private size = new Int32Array(1024)
  /** Row of each block's first transaction. */
  private firstTx = new Int32Array(1024)
  private txHeight = new Int32Array(1024)
  /** Offsets of a transaction's bytes in its block's bytes. */
  private txStart = new Int32Array(1024)
  private txEnd = new Int32Array(1024)
  private txTime = new Uint32Array(1024)
  private txFee = new Float64Array(1024)

  get blockCount(): number {
    return this.blockHashes.count
  }

  get txCount(): number {
    return this.txids.count
  }

  /** Appends a confirmed transaction of the block about to be added (`addBlock` comes after its transactions). */
  addTx(txid: Uint8Array, height: number, start: number, end: number, time: number, fee: number): void {
    this.setTx(this.txids.push(txid), height, start, end, time, fee)
  }

  /** `addTx` with the txid as komodod displays it (a snapshot's). */
  addTxHex(txid: string, height: number, start: number, end: number, time: number, fee: number): void {
    this.setTx(this.txids.pushHex(txid), height, start, end, time, fee)
  }

  private setTx(row: number, height: number, start: number, end: number, time: number, fee: number): void {
    this.txHeight = grown(this.txHeight, row + 1)
    this.txStart = grown(this.txStart, row + 1)
    this.txEnd = grown(this.txEnd, row + 1)
    this.txTime = grown(this.txTime, row + 1)
    this.txFee = grown(this.txFee, row + 1)
    this.txHeight[row] = height
    this.txStart[row] = start
    this.txEnd[row] = end
    this.txTime[row] = time
    this.txFee[row] = fee
  }

  /** Forgets the transactions after the first `rows` (a block that could not be connected). */
  truncateTxs(rows: number): void {
    this.txids.truncate(rows)
  }

  /** Appends a block whose transactions are the rows from `firstTx` on; its bytes are `size` at `start` in `bytes`. */
  addBlock(hash: Uint8Array, time: number, bytes: Uint8Array, start: number, size: number, firstTx: number): number {
    return this.setBlock(this.blockHashes.push(hash), time, bytes, start, size, firstTx)
  }

  /** `addBlock` with the hash as komodod displays it (a snapshot's). */
  addBlockHex(hash: string, time: number, bytes: Uint8Array, start: number, size: number, firstTx: number): number {
    return this.setBlock(this.blockHashes.pushHex(hash), time, bytes, start, size, firstTx)
  }

  private setBlock(h: number, time: number, bytes: Uint8Array, start: number, size: number, firstTx: number): number {
    if (this.chunks[this.chunks.length - 1] !== bytes) this.chunks.push(bytes)
    this.time = grown(this.time, h + 1)
    this.chunk = grown(this.chunk, h + 1)
    this.start = grown(this.start, h + 1)
    this.size = grown(this.size, h + 1)
    this.firstTx = grown(this.firstTx, h + 1)
    this.time[h] = time
    this.chunk[h] = this.chunks.length - 1
    this.start[h] = start
    this.size[h] = size
    this.firstTx[h] = firstTx
    return h
  }

  blockTime(h: number): number {
    return this.time[h]
  }

  blockSize(h: number): number {
    return this.size[h]
  }

  /** The block's bytes (a view into its chunk). */
  blockRaw(h: number): Uint8Array {
    return this.chunks[this.chunk[h]].subarray(this.start[h], this.start[h] + this.size[h])
  }

  /** Rows of the block's transactions: [first, end). */
  txRows(h: number): [number, number] {
    const end = h + 1 < this.blockCount ? this.firstTx[h + 1] : this.txCount
    return [this.firstTx[h], end]
  }

  txHeightOf(row: number): number {
    return this.txHeight[row]
  }

  /** Position of the transaction in its block. */
  txIndexOf(row: number): number {
    return row - this.firstTx[this.txHeight[row]]
  }

  txTimeOf(row: number): number {
    return this.txTime[row]
  }

  txFeeOf(row: number): number {
    return this.txFee[row]
  }

  /** The transaction's offsets in its block's bytes. */
  txSpan(row: number): [number, number] {
    return [this.txStart[row], this.txEnd[row]]
  }

  /** The transaction's bytes (a view into its block's chunk). */
  txRaw(row: number): Uint8Array {
    const h = this.txHeight[row]
    const base = this.start[h]
    return this.chunks[this.chunk[h]].subarray(base + this.txStart[row], base + this.txEnd[row])
  }
}
