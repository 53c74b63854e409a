/**
 * Transactions and blocks as komodod prints them (TxToJSON, TxToJSONExpanded, blockToJSON),
 * keys in komodod's order.
 */
import { toHex, hashToHex } from '../crypto/hash.ts'
import { classifyScript, scriptToAsm } from '../tx/script.ts'
import { isCoinbase, type Tx } from '../tx/transaction.ts'
import { outpointKey, BLOCK_WORK, EMPTY_SPROUT_ROOT, EMPTY_SAPLING_ROOT, COIN, type Ledger, type BlockRecord } from '../chain/ledger.ts'
import type { CcModule } from '../modules.ts'
import { Amount } from './amount.ts'

export function scriptPubKeyJSON(script: Uint8Array, modules: readonly CcModule[] = []): Record<string, unknown> {
  const info = classifyScript(script)
  const out: Record<string, unknown> = { asm: scriptToAsm(script), hex: toHex(script) }
  if (info.type === 'cryptocondition') {
    for (const m of modules) {
      const d = m.describeScript?.(script)
      if (d) {
        return { asm: d.asm ?? out.asm, hex: out.hex, reqSigs: d.reqSigs ?? 1, type: d.type ?? 'cryptocondition', addresses: d.addresses ?? info.addresses }
      }
    }
  }
  if (info.type === 'nulldata' || info.type === 'nonstandard') {
    out.type = info.type
    return out
  }
  out.reqSigs = info.reqSigs
  out.type = info.type
  out.addresses = info.addresses
  return out
}

function vinJSON(tx: Tx, ledger: Ledger | null): Record<string, unknown>[] {
  if (isCoinbase(tx)) return [{ coinbase: toHex(tx.vin[0].script), sequence: tx.vin[0].sequence }]
  return tx.vin.map((i) => {
    const prev = hashToHex(i.prevHash)
    const e: Record<string, unknown> = { txid: prev, vout: i.prevIndex, scriptSig: { asm: scriptToAsm(i.script, true), hex: toHex(i.script) } }
    if (ledger) {
      const o = ledger.txs.get(prev)?.tx.vout[i.prevIndex]
      if (o) {
        const a = classifyScript(o.script).addresses[0]
        if (a) e.address = a
        e.value = new Amount(o.value)
        e.valueSat = o.value
      }
    }
    e.sequence = i.sequence
    return e
  })
}

/** decoderawtransaction's object (valueZat), or getrawtransaction's expanded one (valueSat, spent info). */
export function txJSON(tx: Tx, txid: string, opts: { ledger?: Ledger; modules?: readonly CcModule[]; expanded?: boolean; hex?: string } = {}): Record<string, unknown> {
  const expanded = !!opts.expanded && !!opts.ledger
  const L = opts.ledger ?? null
  const e: Record<string, unknown> = {}
  if (opts.hex !== undefined) e.hex = opts.hex
  e.txid = txid
  e.overwintered = tx.overwintered
  e.version = tx.version
  if (expanded) e.last_notarized_height = 0
  if (tx.overwintered) e.versiongroupid = tx.versionGroupId.toString(16).padStart(8, '0')
  e.locktime = tx.lockTime
  if (tx.overwintered) e.expiryheight = tx.expiryHeight
  e.vin = vinJSON(tx, expanded ? L : null)
  e.vout = tx.vout.map((o, n) => {
    const v: Record<string, unknown> = { value: new Amount(o.value) }
    v[expanded ? 'valueSat' : 'valueZat'] = o.value
    v.n = n
    v.scriptPubKey = scriptPubKeyJSON(o.script, opts.modules)
    if (expanded && L) {
      const s = L.spentIndex.get(outpointKey(txid, n))
      if (s) {
        v.spentTxId = s.txid
        v.spentIndex = s.index
        v.spentHeight = s.height
      }
    }
    return v
  })
  e.vjoinsplit = []
  if (tx.overwintered && tx.version >= 4) {
    e.valueBalance = new Amount(tx.valueBalance)
    e.vShieldedSpend = []
    e.vShieldedOutput = []
  }
  if (expanded && L) {
    const rec = L.txs.get(txid)
    if (rec && rec.height >= 0) {
      const b = L.block(rec.height)!
      e.blockhash = b.hash
      e.height = rec.height
      e.confirmations = L.confirmations(rec.height)
      e.rawconfirmations = L.confirmations(rec.height)
      e.time = b.time
      e.blocktime = b.time
    }
  }
  return e
}

function pool(id: string | null, chainValue: number, delta: number | null): Record<string, unknown> {
  const p: Record<string, unknown> = {}
  if (id) p.id = id
  p.monitored = true
  p.chainValue = new Amount(chainValue)
  p.chainValueZat = chainValue
  if (delta !== null) {
    p.valueDelta = new Amount(delta)
    p.valueDeltaZat = delta
  }
  return p
}

/** Coins minted up to and including `height` (the premine at 1, the block reward after). */
export function chainValueAt(ledger: Ledger, height: number): number {
  if (height < 1) return 0
  return ledger.params.premineSats + (height - 1) * ledger.params.reward
}

export function subsidyAt(ledger: Ledger, height: number): number {
  return height < 1 ? 0 : height === 1 ? ledger.params.premineSats : ledger.params.reward
}

export function chainworkHex(height: number): string {
  return ((height + 1) * BLOCK_WORK).toString(16).padStart(64, '0')
}

export function blockJSON(ledger: Ledger, b: BlockRecord, verbosity: number, modules: readonly CcModule[] = []): Record<string, unknown> {
  const h = b.header
  const conf = ledger.confirmations(b.height)
  const value = chainValueAt(ledger, b.height)
  const delta = subsidyAt(ledger, b.height)
  const e: Record<string, unknown> = {
    last_notarized_height: 0,
    hash: b.hash,
    confirmations: conf,
    rawconfirmations: conf,
    size: b.size,
    height: b.height,
    version: h.version,
    merkleroot: hashToHex(h.merkleRoot),
    segid: -1,
    finalsaplingroot: EMPTY_SAPLING_ROOT,
    tx: verbosity >= 2
      ? b.txids.map((id) => {
          const r = ledger.txs.get(id)!
          return txJSON(r.tx, id, { modules })
        })
      : [...b.txids],
    time: h.time,
    nonce: hashToHex(h.nonce),
    solution: toHex(h.solution),
    bits: h.bits.toString(16).padStart(8, '0'),
    difficulty: 1,
    chainwork: chainworkHex(b.height),
    anchor: EMPTY_SPROUT_ROOT,
    chainSupply: pool(null, value, delta),
    valuePools: [pool('transparent', value, delta), pool('sprout', 0, 0), pool('sapling', 0, 0), pool('burned', 0, 0)],
  }
  if (b.height > 0) e.previousblockhash = ledger.block(b.height - 1)!.hash
  if (b.height < ledger.height) e.nextblockhash = ledger.block(b.height + 1)!.hash
  return e
}
