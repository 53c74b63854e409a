/**
 * Snapshots (issue 19): a start from a snapshot plus the log's tail builds exactly the state a
 * replay of the whole log builds, on randomized chains (blocks, payments, CC transactions, new
 * keys, pubkeys, mining modes, a mempool left unmined); a damaged or stale snapshot is ignored,
 * logged, and the whole log is replayed.
 */
import { describe, it, expect } from 'vitest'
import { DevchainCore } from '../../../../devchain/core.ts'
import type { Ledger } from '../../../../devchain/chain/ledger.ts'
import { openSnapshot, openSnapshotHead, openSnapshotWith, SNAPSHOT_HEAD_READ, type SnapshotHead } from '../../../../devchain/chain/snapshot.ts'
import { crc32 } from '../../../../devchain/crypto/crc32.ts'
import { MemoryStore } from './memoryStore.ts'
import type { SnapshotWriter } from '../../../../devchain/chain/store.ts'
import { loadModuleRules } from '../../../../modules/loadRules.ts'

/** A small deterministic PRNG (mulberry32), so a failing seed can be run again. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

/** Everything a chain holds, in its maps' own order (iteration order is part of what callers see). */
function ledgerState(L: Ledger) {
  const coin = (c: { txid: string; vout: number; value: number; script: Uint8Array; height: number; coinbase: boolean; address: string | null; cc: boolean }) =>
    [c.txid, c.vout, c.value, hex(c.script), c.height, c.coinbase, c.address, c.cc]
  // Per-address maps are looked up by address, never iterated across addresses, and a map emptied by
  // spends is the same as none: compared by address, without the empty ones, each in its own order.
  const nested = (m: Map<string, Map<string, Parameters<typeof coin>[0]>>) =>
    [...m].filter(([, u]) => u.size > 0).sort(([a], [b]) => a.localeCompare(b)).map(([a, u]) => [a, [...u].map(([k, c]) => [k, coin(c)])])
  return {
    height: L.height,
    blocks: L.blocks.map((b) => [b.height, b.hash, b.time, b.txids.join(','), hex(b.raw)]),
    blockByHash: [...L.blockByHash],
    // The txs map's order is not observable (nothing iterates it): compared as a set.
    txs: [...L.txs.values()].map((t) => [t.txid, hex(t.raw), t.height, t.index, t.time, t.fee]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    utxos: [...L.utxos].map(([k, c]) => [k, coin(c)]),
    addrUtxos: nested(L.addrUtxos),
    ccUtxos: nested(L.ccUtxos),
    addrIndex: [...L.addrIndex],
    ccIndex: [...L.ccIndex],
    spentIndex: [...L.spentIndex],
    // Looked up by address; an address whose coins were all spent keeps a 0 that is the same as none.
    utxoTotals: [...L.utxoTotals].filter(([, v]) => v !== 0).sort(([a], [b]) => a.localeCompare(b)),
    mempool: [...L.mempool.values()].map((t) => [t.txid, hex(t.raw), t.height, t.time, t.fee]),
    mempoolSpends: [...L.mempoolSpends],
    mempoolCoins: [...L.mempoolCoins].map(([k, c]) => [k, coin(c)]),
    mempoolByAddress: nested(L.mempoolByAddress),
  }
}

async function fullState(dc: DevchainCore) {
  const wallets = []
  for (const node of dc.nodes) {
    const w = dc.wallet(node)
    wallets.push({
      node, pubkey: w.pubkey,
      keys: w.keys.map((k) => [k.address, k.labeled, k.created]),
      balance: await dc.call(node, 'getbalance', []),
      unspent: JSON.stringify(await dc.call(node, 'listunspent', [0])),
      info: JSON.stringify(await dc.call(node, 'getwalletinfo', [])),
    })
  }
  return { ledger: ledgerState(dc.ledger), wallets, mining: dc.mining, nodes: dc.nodes }
}

/** Copies a store's contents into a fresh one (what a crash leaves on disk). */
function copyStore(s: MemoryStore, withSnapshot: boolean): MemoryStore {
  const c = new MemoryStore()
  c.log = s.log.slice()
  c.snapshot = withSnapshot && s.snapshot ? s.snapshot.slice() : null
  return c
}

// The random chains make Faucet and Tokens transactions: the engine gets the registered modules, as the roots give it.
const modules = await loadModuleRules()
const openOn = (store: MemoryStore, seed: string, extra: Partial<Parameters<typeof DevchainCore.open>[0]> = {}) =>
  DevchainCore.open({ dataDir: 'memory', storage: () => store, seed, modules, args: ['-ac_name=SNAP', '-ac_cc=2', '-ac_supply=100000', '-ac_reward=1000000000'], ...extra })

async function randomChain(seedNo: number) {
  const rand = rng(seedNo)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]
  const seed = `snap-${seedNo}`
  const store = new MemoryStore()
  const dc = await openOn(store, seed, { snapshotEvery: 3 + Math.floor(rand() * 8) })
  const call = (node: string, m: string, p: unknown[] = []) => dc.call(node, m, p)
  const addresses: string[] = [(await call('reader', 'getnewaddress')) as string]
  await call('miner', 'generate', [3])
  for (let step = 0; step < 40; step++) {
    const r = rand()
    try {
      if (r < 0.25) await call(pick(['miner', 'reader']), 'generate', [1 + Math.floor(rand() * 6)])
      else if (r < 0.5) await call('miner', 'sendtoaddress', [pick(addresses), Number((0.1 + rand() * 5).toFixed(3))])
      else if (r < 0.6) addresses.push((await call(pick(['miner', 'reader']), pick(['getnewaddress', 'getnewaddress'])) as string))
      else if (r < 0.68) {
        const fund = (await call('miner', 'faucetfund', [String(1 + Math.floor(rand() * 3))])) as { hex?: string }
        if (fund.hex) await call('miner', 'sendrawtransaction', [fund.hex])
      } else if (r < 0.75) {
        const tok = (await call('miner', 'tokencreate', [`T${step}`, '0.001', 'snapshot test'])) as { hex?: string }
        if (tok.hex) await call('miner', 'sendrawtransaction', [tok.hex])
      } else if (r < 0.8) await call('reader', 'setpubkey', [(await call('reader', 'validateaddress', [addresses[0]]) as { pubkey: string }).pubkey])
      else if (r < 0.86) await call('miner', 'devchain_setmining', [pick(['manual', 'automine', 'manual'])])
      else if (r < 0.9) await call('miner', 'sendtoaddress', [pick(addresses), 0.01])
      else await call('reader', 'sendtoaddress', [pick(addresses), 0.05])
    } catch {
      // A refused step (no funds yet, a pubkey already set, …) changes nothing; the chain goes on.
    }
  }
  // Leave some transactions unmined, in manual mode, so the mempool is part of the comparison.
  await call('miner', 'devchain_setmining', ['manual'])
  await call('miner', 'generate', [2])
  for (let i = 0; i < 3; i++) await call('miner', 'sendtoaddress', [pick(addresses), 0.2 + i])
  return { store, dc, seed }
}

describe('snapshots', () => {
  for (const seedNo of [1, 2, 3, 4, 5, 6]) {
    it(`restores exactly the state a full replay builds (random chain ${seedNo})`, async () => {
      const { store, dc, seed } = await randomChain(seedNo)
      expect(store.snapshot, 'the periodic snapshot was written').not.toBeNull()
      const covered = openSnapshot(store.snapshot!).header.offset
      expect(covered).toBeGreaterThan(0)
      const live = await fullState(dc)
      // The chain exercised what it should: CC outputs, an unmined mempool, and a log tail after the snapshot.
      expect(live.ledger.ccIndex.length).toBeGreaterThan(0)
      expect(live.ledger.mempool.length).toBeGreaterThan(0)
      expect(covered).toBeLessThan(store.log.length)

      // As a crash leaves it: the last periodic snapshot and a log tail after it.
      const replayed = await openOn(copyStore(store, false), seed, { snapshotEvery: false })
      const replayState = await fullState(replayed)
      const tailStore = copyStore(store, true)
      const warnings: string[] = []
      const fromSnapshot = await openOn(tailStore, seed, { log: (l) => warnings.push(l) })
      expect(warnings).toEqual([])
      // It read the log from the last record the snapshot covers, not from the start.
      expect(tailStore.reads).toEqual([openSnapshot(store.snapshot!).header.lastStart])
      expect(await fullState(fromSnapshot)).toEqual(replayState)
      expect(replayState).toEqual(live)

      // After a clean close the snapshot covers the whole log.
      await dc.close()
      expect(openSnapshot(store.snapshot!).header.offset).toBe(store.log.length)
      const reopened = await openOn(store, seed)
      expect(await fullState(reopened)).toEqual(replayState)
      for (const c of [replayed, fromSnapshot, reopened]) await c.close()
    }, 120_000)
  }
})

describe('a snapshot that cannot be used', () => {
  /** A chain closed cleanly (snapshot at the tip), then one more block written by a chain that never snapshots. */
  async function closedChain() {
    const store = new MemoryStore()
    const a = await openOn(store, 'damage')
    await a.call('miner', 'generate', [12])
    await a.call('reader', 'getnewaddress', [])
    await a.close()
    const b = await openOn(store, 'damage', { snapshotEvery: false })
    await b.call('miner', 'generate', [1])
    const expected = await fullState(b)
    await b.close()
    return { store, expected }
  }

  async function startIgnoring(store: MemoryStore, why: RegExp, expected: unknown) {
    store.reads = []
    const warnings: string[] = []
    const c = await openOn(store, 'damage', { log: (l) => warnings.push(l) })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^devchain: ignored the snapshot in memory: /)
    expect(warnings[0]).toMatch(why)
    expect(warnings[0]).toContain('replaying the whole log')
    expect(store.reads).toContain(0)
    expect(await fullState(c)).toEqual(expected)
    await c.close()
    // Its close wrote a good one again.
    expect(openSnapshot(store.snapshot!).header.offset).toBe(store.log.length)
  }

  it('is used when intact (the control for the cases below)', async () => {
    const { store, expected } = await closedChain()
    store.reads = []
    const c = await openOn(store, 'damage')
    expect(store.reads).toEqual([openSnapshot(store.snapshot!).header.lastStart])
    expect(await fullState(c)).toEqual(expected)
    await c.close()
  })

  it('a flipped byte: its checksum does not match', async () => {
    const { store, expected } = await closedChain()
    store.snapshot![store.snapshot!.length >> 1] ^= 4
    await startIgnoring(store, /its checksum does not match/, expected)
  })

  it('cut short, or of another format version', async () => {
    const { store, expected } = await closedChain()
    const whole = store.snapshot!
    store.snapshot = whole.subarray(0, whole.length - 100)
    await startIgnoring(store, /holds \d+ bytes where its header says \d+/, expected)
    const other = whole.slice()
    other[4] = 9
    store.snapshot = other
    await startIgnoring(store, /format version 9; this devchain reads version 1/, expected)
  })

  it('the log no longer holds the record it ends at (the log was replaced or cut)', async () => {
    const { store, expected } = await closedChain()
    const { lastStart, offset } = openSnapshot(store.snapshot!).header
    const log = store.log
    // The same log with the covered record's bytes changed (re-framed, so the log itself is whole).
    const { encodeRecord, scanRecords } = await import('../../../../devchain/chain/recordLog.ts')
    const rec = scanRecords(log.subarray(lastStart)).records[0]
    const body = rec.body.slice()
    body[body.length - 1] ^= 1
    store.log = new Uint8Array([...log.subarray(0, lastStart), ...encodeRecord(rec.type, body), ...log.subarray(offset)])
    const warnings: string[] = []
    const c = await openOn(store, 'damage', { log: (l) => warnings.push(l), recover: true })
    expect(warnings[0]).toContain(`the log no longer holds the record it ends at (byte ${offset})`)
    await c.close()
    // A log cut before the snapshot's offset.
    const second = await closedChain()
    second.store.log = second.store.log.slice(0, lastStart)
    const d = await openOn(second.store, 'damage', { log: (l) => warnings.push(l) })
    expect(warnings.at(-1)).toMatch(/ignored the snapshot in memory: the log no longer holds the record it ends at/)
    await d.close()
    void expected
  })

  it('intact but naming another tip: the half-restored chain is dropped and the log replayed', async () => {
    const { store, expected } = await closedChain()
    const snap = store.snapshot!
    const tip = openSnapshot(snap).header.tip
    const text = Buffer.from(snap)
    const at = text.indexOf(tip, 0, 'latin1')
    text.write('0'.repeat(64), at, 'latin1')
    new DataView(text.buffer, text.byteOffset).setUint32(12, crc32(text.subarray(16)), true)
    store.snapshot = new Uint8Array(text)
    await startIgnoring(store, /its blocks do not end at the tip its header names/, expected)
  })

  it('is neither read nor written with snapshotEvery: false, and a cut of the log deletes one that covers more', async () => {
    const store = new MemoryStore()
    const a = await openOn(store, 'none', { snapshotEvery: false })
    await a.call('miner', 'generate', [3])
    await a.close()
    expect(store.snapshot).toBeNull()
    const b = await openOn(store, 'none')
    await b.close()
    expect(store.snapshot).not.toBeNull()
    const { RecordLog } = await import('../../../../devchain/chain/recordLog.ts')
    const log = new RecordLog(store, store.log.length)
    log.snapshotOffset = openSnapshot(store.snapshot!).header.offset
    await log.truncate(log.snapshotOffset - 1)
    expect(store.snapshot).toBeNull()
  })
})

describe('a snapshot restored in the background (restoreInBackground, as `npm run chain` starts)', () => {
  /** What the core has restored so far, read without finishing the restore (the `ledger` getter would). */
  const restoredHeight = (c: DevchainCore) => (c as unknown as { current: Ledger }).current.height
  const pending = (c: DevchainCore) => (c as unknown as { pending: unknown }).pending !== null

  /** A start restoring in the background: the tip at once, before any state; then every call sees `replayState`. */
  async function expectTipAtOnceThenReplayed(c: DevchainCore, tip: { height: number; tip: string }, replayState: Awaited<ReturnType<typeof fullState>>) {
    expect(pending(c)).toBe(true)
    expect(restoredHeight(c)).toBe(0)
    expect(c.height).toBe(tip.height)
    expect(await c.call('miner', 'getblockcount', [])).toBe(tip.height)
    expect(await c.call('reader', 'getbestblockhash', [])).toBe(tip.tip)
    // A call that needs the state finishes the restore first, whatever the slices had done.
    expect(await c.call('miner', 'getbalance', [])).toEqual(replayState.wallets.find((w) => w.node === 'miner')!.balance)
    expect(pending(c)).toBe(false)
    expect(await fullState(c)).toEqual(replayState)
  }

  for (const seedNo of [7, 8]) {
    it(`answers the tip at once, and every other call sees exactly the replayed state (random chain ${seedNo})`, async () => {
      const { store, dc, seed } = await randomChain(seedNo)
      await dc.close()
      const replayState = await fullState(await openOn(copyStore(store, false), seed, { snapshotEvery: false }))
      const c = await openOn(store, seed, { restoreInBackground: true })
      await expectTipAtOnceThenReplayed(c, openSnapshot(store.snapshot!).header, replayState)
      await c.close()
    }, 120_000)
  }

  it('finishes on its own, in slices between other work', async () => {
    const store = new MemoryStore()
    const a = await openOn(store, 'slices')
    await a.call('miner', 'generate', [12_000])
    await a.close()
    // A slice of about one step (4,000 blocks), whatever the machine's speed: a fast one did all 12,000 in one 16 ms slice.
    const c = await openOn(store, 'slices', { restoreInBackground: true, restoreSliceMs: 0.001 })
    expect(restoredHeight(c)).toBe(0)
    const seen: number[] = []
    while (pending(c)) {
      seen.push(restoredHeight(c))
      await new Promise((r) => setImmediate(r))
    }
    // Several turns of the event loop saw it part-way, then it was whole.
    expect(seen.filter((h) => h > 0 && h < 12_001).length).toBeGreaterThan(1)
    expect(restoredHeight(c)).toBe(12_001)
    expect(await c.call('miner', 'getblockcount', [])).toBe(12_001)
    await c.close()
  }, 120_000)

  for (const seedNo of [9, 10]) {
    it(`after a crash, answers the tip of the log's tail at once, and every other call sees exactly the replayed state (random chain ${seedNo})`, async () => {
      const { store, dc, seed } = await randomChain(seedNo)
      const liveHeight = dc.ledger.height
      const liveTip = dc.ledger.tip.hash
      // As a crash leaves it: the last periodic snapshot and a log tail after it, with blocks in it.
      const crashed = copyStore(store, true)
      await dc.close()
      const { height: snapHeight, offset } = openSnapshot(crashed.snapshot!).header
      expect(snapHeight).toBeLessThan(liveHeight)
      expect(offset).toBeLessThan(crashed.log.length)
      const replayState = await fullState(await openOn(copyStore(crashed, false), seed, { snapshotEvery: false }))

      const c = await openOn(crashed, seed, { restoreInBackground: true })
      await expectTipAtOnceThenReplayed(c, { height: liveHeight, tip: liveTip }, replayState)
      await c.close()
    }, 120_000)
  }

  it('a tail that cannot be replayed onto the snapshot: calls say to restart, the snapshot is deleted, and a restart reports the record', async () => {
    const { encodeRecord, scanRecords, RecordType } = await import('../../../../devchain/chain/recordLog.ts')
    const store = new MemoryStore()
    const a = await openOn(store, 'tail')
    await a.call('miner', 'generate', [5])
    await a.close()
    const b = await openOn(store, 'tail', { snapshotEvery: false })
    await b.call('miner', 'generate', [1])
    await b.close()
    // The tail's block swapped for an older one, intact (its own CRC): it does not extend the snapshot's tip.
    const { offset } = openSnapshot(store.snapshot!).header
    const older = scanRecords(store.log).records.filter((r) => r.type === RecordType.Block)[2]
    store.log = new Uint8Array([...store.log.subarray(0, offset), ...encodeRecord(RecordType.Block, older.body)])

    const warnings: string[] = []
    const c = await openOn(store, 'tail', { restoreInBackground: true, log: (l) => warnings.push(l) })
    expect(await c.call('miner', 'getblockcount', [])).toBe(7)
    await expect(c.call('miner', 'getbalance', [])).rejects.toThrow(/the log after the snapshot could not be replayed \(the block record there is intact but it cannot be replayed \(block \w+ does not extend the tip\)\); restart the chain/)
    await expect(c.call('miner', 'getblockcount', [])).rejects.toThrow(/restart the chain/)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/after the snapshot cannot be replayed onto it: .*; it is deleted, and a restart replays the whole log/)
    await c.close()
    expect(store.snapshot).toBeNull()
    // The restart replays the whole log and meets the record as any start does: the log is damaged there.
    await expect(openOn(store, 'tail', { restoreInBackground: true })).rejects.toThrow(/cannot be replayed \(block \w+ does not extend the tip\)/)
  })

  it('a tail whose last block cannot be read: the start replays at once and reports the damaged record, as any start does', async () => {
    const { encodeRecord, RecordType } = await import('../../../../devchain/chain/recordLog.ts')
    const { LogDamagedError } = await import('../../../../devchain/chain/logIntegrity.ts')
    const store = new MemoryStore()
    const a = await openOn(store, 'short')
    await a.call('miner', 'generate', [5])
    await a.close()
    // An intact block record (its own CRC) too short to hold a header: no tip to answer before replaying.
    const { offset } = openSnapshot(store.snapshot!).header
    store.log = new Uint8Array([...store.log.subarray(0, offset), ...encodeRecord(RecordType.Block, new Uint8Array([4, 0, 0, 0]))])
    const start = openOn(store, 'short', { restoreInBackground: true })
    await expect(start).rejects.toBeInstanceOf(LogDamagedError)
    await expect(start).rejects.toThrow(new RegExp(`damaged at byte ${offset}: the block record there is intact but it cannot be replayed`))
  })

  it('intact but not restorable: every call says to restart, the snapshot is deleted, and a restart replays the log', async () => {
    const store = new MemoryStore()
    const a = await openOn(store, 'broken')
    await a.call('miner', 'generate', [12])
    const expected = await fullState(a)
    await a.close()
    // Another tip in the string table (not in the header): the restore fails only at its end.
    const snap = store.snapshot!
    const { tip } = openSnapshot(snap).header
    const text = Buffer.from(snap)
    const at = text.lastIndexOf(tip, undefined, 'latin1')
    text.write('0'.repeat(64), at, 'latin1')
    new DataView(text.buffer, text.byteOffset).setUint32(12, crc32(text.subarray(16)), true)
    store.snapshot = new Uint8Array(text)

    const warnings: string[] = []
    const c = await openOn(store, 'broken', { restoreInBackground: true, log: (l) => warnings.push(l) })
    expect(await c.call('miner', 'getblockcount', [])).toBe(13)
    await expect(c.call('miner', 'getbalance', [])).rejects.toThrow(/the snapshot could not be restored \(its blocks do not end at the tip its header names\); restart the chain/)
    await expect(c.call('miner', 'getblockcount', [])).rejects.toThrow(/restart the chain/)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/passed its checksum but could not be restored: its blocks do not end at the tip its header names; it is deleted/)
    await c.close()
    expect(store.snapshot).toBeNull()

    const d = await openOn(store, 'broken', { restoreInBackground: true })
    expect(await fullState(d)).toEqual(expected)
    await d.close()
  })
})

describe('a start that answers from the snapshot header (format 2: the header has a CRC of its own)', () => {
  const restoredHeight = (c: DevchainCore) => (c as unknown as { current: Ledger }).current.height

  async function closedChain(seed: string) {
    const store = new MemoryStore()
    const a = await openOn(store, seed)
    await a.call('miner', 'generate', [12])
    await a.call('reader', 'getnewaddress', [])
    const expected = await fullState(a)
    await a.close()
    return { store, expected }
  }

  it('reads the header alone first, in a ranged read of a few KB, and answers the tip before the rest is read', async () => {
    const { store, expected } = await closedChain('head')
    const size = store.snapshot!.length
    store.snapshotRanges = []
    const c = await openOn(store, 'head', { restoreInBackground: true })
    expect(store.snapshotRanges).toEqual([[0, SNAPSHOT_HEAD_READ]])
    expect(restoredHeight(c)).toBe(0)
    expect(await c.call('miner', 'getblockcount', [])).toBe(13)
    expect(await fullState(c)).toEqual(expected)
    expect(size).toBeGreaterThan(0)
    await c.close()
  })

  it('openSnapshotHead: asks for more bytes when the first ones are too few, and refuses a damaged header', async () => {
    const { store } = await closedChain('head2')
    const snap = store.snapshot!
    const whole = openSnapshot(snap).header
    const need = openSnapshotHead(snap.subarray(0, 20))
    expect(typeof need).toBe('number')
    const head = openSnapshotHead(snap.subarray(0, need as number))
    expect(head).not.toBeNull()
    expect(typeof head).toBe('object')
    expect((head as SnapshotHead).header).toEqual(whole)
    // A flipped byte inside the header JSON: its own CRC says so before anything is answered.
    const bad = snap.slice()
    bad[30] ^= 1
    expect(() => openSnapshotHead(bad.subarray(0, need as number))).toThrow(/its header's checksum does not match/)
    // The rest checked against the whole CRC.
    const body = snap.slice()
    body[body.length - 20] ^= 1
    expect(() => openSnapshotWith(head as SnapshotHead, body)).toThrow(/its checksum does not match/)
    expect(() => openSnapshotWith(head as SnapshotHead, snap.subarray(0, snap.length - 1))).toThrow(/holds \d+ bytes where its header says \d+/)
    expect(openSnapshotWith(head as SnapshotHead, snap).header).toEqual(whole)
  })

  for (const [what, damage, why] of [
    ['a flipped byte after the header', (s: Uint8Array) => { s[s.length - 30] ^= 8; return s }, /its checksum does not match/],
    ['cut short', (s: Uint8Array) => s.slice(0, s.length - 100), /holds \d+ bytes where its header says \d+/],
  ] as const) {
    it(`${what}: the tip is answered from the header, then the damage is found, logged, and the whole log replayed in place`, async () => {
      const { store, expected } = await closedChain('bgdamage')
      store.snapshot = damage(store.snapshot!.slice())
      store.reads = []
      const warnings: string[] = []
      const c = await openOn(store, 'bgdamage', { restoreInBackground: true, log: (l) => warnings.push(l) })
      expect(await c.call('miner', 'getblockcount', [])).toBe(13)
      // A call that needs the state waits for the check, then gets the replayed state.
      expect(await c.call('miner', 'getbalance', [])).toEqual(expected.wallets.find((w) => w.node === 'miner')!.balance)
      expect(await fullState(c)).toEqual(expected)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/^devchain: ignored the snapshot in memory: /)
      expect(warnings[0]).toMatch(why)
      expect(warnings[0]).toContain('replaying the whole log')
      expect(store.reads).toContain(0)
      expect(store.snapshot).toBeNull()
      // The chain goes on: new blocks, and its close writes a good snapshot again.
      await c.call('miner', 'generate', [2])
      await c.close()
      expect(openSnapshot(store.snapshot!).header.height).toBe(15)
      const d = await openOn(store, 'bgdamage', { restoreInBackground: true })
      expect(await d.call('miner', 'getblockcount', [])).toBe(15)
      expect((await fullState(d)).ledger.height).toBe(15)
      await d.close()
    })
  }

  it('a damaged header: ignored before anything is answered, and the whole log replayed', async () => {
    const { store, expected } = await closedChain('badhead')
    store.snapshot![30] ^= 1
    const warnings: string[] = []
    const c = await openOn(store, 'badhead', { restoreInBackground: true, log: (l) => warnings.push(l) })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/ignored the snapshot in memory: its header's checksum does not match; replaying the whole log/)
    expect(restoredHeight(c)).toBe(13)
    expect(await fullState(c)).toEqual(expected)
    await c.close()
  })

  it('a version 1 snapshot (no header CRC) is still read, whole, in both kinds of start', async () => {
    const { store, expected } = await closedChain('v1')
    // Version 1: the header JSON, then the tables, then the body; no header CRC, no tables offset.
    const v3 = store.snapshot!
    const headEnd = (openSnapshotHead(v3.subarray(0, 20)) as number) - 4
    const v3View = new DataView(v3.buffer, v3.byteOffset, v3.byteLength)
    const tablesAt = v3View.getUint32(v3.length - 8, true) + v3View.getUint32(v3.length - 4, true) * 2 ** 32
    const v1 = new Uint8Array([...v3.subarray(0, headEnd), ...v3.subarray(tablesAt, v3.length - 8), ...v3.subarray(headEnd + 4, tablesAt)])
    const view = new DataView(v1.buffer)
    view.setUint32(4, 1, true)
    view.setUint32(8, v1.length - 16, true)
    view.setUint32(12, crc32(v1.subarray(16)), true)
    expect(openSnapshotHead(v1)).toBeNull()
    for (const restoreInBackground of [false, true]) {
      store.snapshot = v1.slice()
      const warnings: string[] = []
      const c = await openOn(store, 'v1', { restoreInBackground, log: (l) => warnings.push(l) })
      expect(await c.call('miner', 'getblockcount', [])).toBe(13)
      expect(await fullState(c)).toEqual(expected)
      expect(warnings).toEqual([])
      await c.close()
    }
  })

  it('a call other than the tip waits for the snapshot to be read; a state use outside calls meanwhile says the chain is loading', async () => {
    const { store, expected } = await closedChain('warm')
    // A store whose whole read takes a while (a long chain's tens of MB).
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    const read = store.readSnapshot.bind(store)
    store.readSnapshot = async () => {
      await gate
      return read()
    }
    const c = await openOn(store, 'warm', { restoreInBackground: true })
    expect(await c.call('miner', 'getbestblockhash', [])).toBe(openSnapshot(store.snapshot!).header.tip)
    expect(c.nodes).toEqual(['miner', 'reader'])
    expect(() => c.ledger).toThrow(/Loading block index\.\.\./)
    const balance = c.call('miner', 'getbalance', [])
    let answered = false
    void balance.then(() => (answered = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(answered).toBe(false)
    release()
    expect(await balance).toEqual(expected.wallets.find((w) => w.node === 'miner')!.balance)
    expect(await fullState(c)).toEqual(expected)
    await c.close()
  })
})

describe('a snapshot written as it is made (a store with beginSnapshot, as FileStore)', () => {
  /** A MemoryStore that takes a snapshot in parts, as FileStore does. */
  class StreamingStore extends MemoryStore {
    parts = 0
    beginSnapshot(): SnapshotWriter {
      const parts: Uint8Array[] = []
      return {
        write: (p) => {
          this.parts++
          parts.push(p.slice())
        },
        finish: async (first) => {
          const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
          let o = 0
          for (const p of parts) {
            all.set(p, o)
            o += p.length
          }
          all.set(first)
          this.snapshot = all
        },
        abort: () => undefined,
      }
    }
  }

  it('is byte for byte the snapshot a store taking it whole gets, and restores the same state', async () => {
    const { store, dc, seed } = await randomChain(9)
    await dc.call('miner', 'generate', [1])
    // The same log on both kinds of store: each start writes a snapshot on close.
    const whole = copyStore(store, false)
    const streamed = Object.assign(new StreamingStore(), { log: store.log.slice() })
    await dc.close()
    for (const s of [whole, streamed]) await (await openOn(s, seed, { snapshotEvery: 0 })).close()
    expect(streamed.parts).toBeGreaterThan(0)
    expect(Buffer.from(streamed.snapshot!).equals(Buffer.from(whole.snapshot!))).toBe(true)
    const expected = await fullState(await openOn(copyStore(store, false), seed, { snapshotEvery: false }))
    const c = await openOn(streamed, seed)
    expect(await fullState(c)).toEqual(expected)
    await c.close()
  }, 120_000)
})
