/**
 * Crash safety: `npm run chain` as a child process, blocks and payments under load, kill -9,
 * restart on the same data directory: every block hash and txid a call returned is still there.
 * Integrity (issue 16): a torn tail is dropped with a log line, other damage refuses to start and
 * points to --recover, --recover keeps a copy and starts at the last good height, and a second
 * process on one data directory exits naming the first.
 */
import { describe, it, expect, afterEach } from 'vitest'
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LogDamagedError } from '../../../devchain/index.ts'
import { createDevchain } from '../../support/devchain.ts'
import { scanRecords, RecordType } from '../../../devchain/chain/recordLog.ts'
import { fileStorage } from '../../../devchain/platform/node/fileStore.ts'
import { AUTH, cleanUp, spawnChain, tempDir } from './spawnChain.ts'

afterEach(cleanUp)

const startChain = (dataDir: string) =>
  spawnChain(['-ac_name=PERSIST', '-ac_supply=1000', '-rpcport=0', `-datadir=${dataDir}`], { DEVCHAIN_SEED: 'persist' })

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url + '/', { method: 'POST', headers: { authorization: AUTH }, body: JSON.stringify({ method, params, id: 1 }) })
  const j = (await res.json()) as { result: unknown; error: { message: string } | null }
  if (j.error) throw new Error(j.error.message)
  return j.result
}

async function batch(url: string, calls: (readonly [string, unknown[]])[]): Promise<{ result: unknown; error: unknown }[]> {
  const body = JSON.stringify(calls.map(([method, params], id) => ({ method, params, id })))
  const res = await fetch(url + '/', { method: 'POST', headers: { authorization: AUTH }, body })
  return (await res.json()) as { result: unknown; error: unknown }[]
}

describe('persistence', () => {
  it('keeps every returned block and txid across kill -9 under load', async () => {
    const dir = tempDir()
    const first = await startChain(dir)
    const addr = (await rpc(first.url, 'getnewaddress')) as string
    const hashes: string[] = []
    const txids: string[] = []
    let stop = false
    const worker = async (i: number) => {
      while (!stop) {
        try {
          if (i === 0) txids.push((await rpc(first.url, 'sendtoaddress', [addr, 0.5])) as string)
          else hashes.push(...((await rpc(first.url, 'generate', [i * 7])) as string[]))
        } catch {
          return // the process died mid-request: that answer never arrived, so it promised nothing
        }
      }
    }
    const workers = [0, 1, 2, 3].map(worker)
    await new Promise((r) => setTimeout(r, 1500))
    first.child.kill('SIGKILL')
    stop = true
    await Promise.all(workers)
    expect(hashes.length).toBeGreaterThan(20)
    expect(txids.length).toBeGreaterThan(0)

    const second = await startChain(dir)
    const height = (await rpc(second.url, 'getblockcount')) as number
    expect(height).toBeGreaterThanOrEqual(hashes.length)
    const blocks = await batch(second.url, hashes.map((h) => ['getblock', [h, 0]] as const))
    blocks.forEach((r, i) => expect(r.error, hashes[i]).toBeNull())
    const txs = await batch(second.url, txids.map((t) => ['getrawtransaction', [t, 1]] as const))
    txs.forEach((r, i) => expect((r.result as { txid: string }).txid).toBe(txids[i]))
    // The wallet key made by getnewaddress survived too.
    expect(((await rpc(second.url, 'validateaddress', [addr])) as { ismine: boolean }).ismine).toBe(true)
  })

  it('after a crash, answers from the snapshot and the log after it, and keeps every block and txid of that tail', async () => {
    const dir = tempDir()
    const args = ['-ac_name=PERSIST', '-ac_supply=1000']
    const a = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'persist', args })
    await a.call('miner', 'generate', [10])
    await a.close() // a snapshot at height 11
    // Records after the snapshot that no snapshot covers, as a crash leaves them.
    const b = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'persist', args, snapshotEvery: false })
    const addr = (await b.call('miner', 'getnewaddress', [])) as string // a key only the tail holds
    const txid = (await b.call('miner', 'sendtoaddress', [addr, 2])) as string
    const hashes = (await b.call('miner', 'generate', [7])) as string[]
    const balance = await b.call('miner', 'getbalance', [])
    await b.close()

    const chain = await startChain(dir)
    expect(await rpc(chain.url, 'getblockcount')).toBe(18)
    expect(await rpc(chain.url, 'getbestblockhash')).toBe(hashes[6])
    expect(await rpc(chain.url, 'getbalance')).toBe((balance as { toJSON(): number }).toJSON())
    expect(((await rpc(chain.url, 'getrawtransaction', [txid, 1])) as { confirmations: number }).confirmations).toBe(7)
    expect(((await rpc(chain.url, 'validateaddress', [addr])) as { ismine: boolean }).ismine).toBe(true)
  })

  it('drops a torn tail record, says so, and keeps loading', async () => {
    const dir = tempDir()
    const a = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'torn' })
    const hashes = (await a.call('miner', 'generate', [10])) as string[]
    await a.close()
    const log = join(dir, 'chain.log')
    const size = statSync(log).size
    appendFileSync(log, Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 2, 9, 9])) // a record cut short by a crash
    const lines: string[] = []
    const b = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'torn', log: (l) => lines.push(l) })
    expect(await b.call('miner', 'getbestblockhash', [])).toBe(hashes[9])
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`dropped a torn tail of 11 bytes`)
    expect(lines[0]).toContain(`byte ${size}: a block record of 72 bytes with only 11 present`)
    expect(lines[0]).toContain('height 11')
    expect(statSync(log).size).toBe(size) // the torn bytes are gone
    const more = (await b.call('miner', 'generate', [1])) as string[]
    await b.close()
    const c = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'torn' })
    expect(await c.call('miner', 'getbestblockhash', [])).toBe(more[0])
    await c.close()
  })

  it('starts over with reset', async () => {
    const dir = tempDir()
    const a = await createDevchain({ dataDir: dir, storage: fileStorage })
    await a.call('miner', 'generate', [3])
    await a.close()
    const b = await createDevchain({ dataDir: dir, storage: fileStorage, reset: true })
    expect(await b.call('miner', 'getblockcount', [])).toBe(1)
    await b.close()
  })
})

/** Generates `n` blocks one call at a time on a fresh data directory; returns the dir and the log's records. */
async function chainOnDisk(seed: string, n: number) {
  const dir = tempDir()
  const c = await createDevchain({ dataDir: dir, storage: fileStorage, seed })
  for (let i = 0; i < n; i++) await c.call('miner', 'generate', [1])
  await c.close()
  // As after a crash before any snapshot: a start reads the whole log (a snapshot would cover the damage).
  rmSync(join(dir, 'snapshot.bin'))
  const log = join(dir, 'chain.log')
  const bytes = readFileSync(log)
  const { records } = scanRecords(bytes)
  const start = (i: number) => (i === 0 ? 0 : records[i - 1].end)
  // Index of the record holding block `h` (block 1 is the first block record).
  const blockRecord = (h: number) => records.findIndex((r, i) => r.type === RecordType.Block && records.slice(0, i + 1).filter((x) => x.type === RecordType.Block).length === h)
  return { dir, log, bytes, records, start, blockRecord }
}

const open = (dir: string, extra: { recover?: boolean; log?: (l: string) => void } = {}) => createDevchain({ dataDir: dir, storage: fileStorage, seed: 'integrity', ...extra })

describe('log integrity', () => {
  it('refuses to start on a byte flipped mid-file, pointing to --recover, and changes nothing', async () => {
    const { dir, log, bytes, start, blockRecord } = await chainOnDisk('integrity', 10)
    const at = start(blockRecord(5))
    const damaged = Buffer.from(bytes)
    damaged[at + 40] ^= 0x10 // inside block 5's header
    writeFileSync(log, damaged)
    const err = await open(dir).then(() => null, (e: unknown) => e)
    expect(err).toBeInstanceOf(LogDamagedError)
    expect((err as LogDamagedError).at).toBe(at)
    const msg = (err as Error).message
    expect(msg).toContain(`damaged at byte ${at}: a block record of`)
    expect(msg).toContain('checksum does not match')
    expect(msg).toMatch(/and \d+ intact records follow it/)
    expect(msg).toContain('(height 4)')
    expect(msg).toContain('--recover')
    expect(readFileSync(log).equals(damaged)).toBe(true)
    // The failed start released the directory: another start is not refused as "in use".
    await expect(open(dir)).rejects.toBeInstanceOf(LogDamagedError)
  })

  it('refuses to start when the first record is damaged, even with nothing after it', async () => {
    const { dir, log, bytes } = await chainOnDisk('integrity', 2)
    const damaged = Buffer.from(bytes)
    damaged[10] ^= 0xff // inside the meta record
    writeFileSync(log, damaged)
    await expect(open(dir)).rejects.toThrow(/damaged at byte 0: its first record is not intact .*--recover/)
    writeFileSync(log, bytes.subarray(0, 20)) // only a cut-short first record: still not a fresh chain in silence
    await expect(open(dir)).rejects.toThrow(/damaged at byte 0: its first record is not intact/)
  })

  it('refuses an intact record that replay cannot apply (two writers interleaved)', async () => {
    const { dir, log, bytes, records, start, blockRecord } = await chainOnDisk('integrity', 6)
    const b3 = blockRecord(3)
    const dup = bytes.subarray(start(b3), records[b3].end)
    // Block 3's record again after block 4's: intact, checksummed, and not on the tip.
    const at = records[blockRecord(4)].end
    writeFileSync(log, Buffer.concat([bytes.subarray(0, at), dup, bytes.subarray(at)]))
    await expect(open(dir)).rejects.toThrow(new RegExp(`damaged at byte ${at}: the block record there is intact but it cannot be replayed \\(block [0-9a-f]+ does not extend the tip\\).*height 4`))
  })

  it('--recover keeps a copy of the original log, cuts at the last good record and starts at its height', async () => {
    const { dir, log, bytes, start, blockRecord } = await chainOnDisk('integrity', 10)
    const at = start(blockRecord(7))
    const damaged = Buffer.from(bytes)
    damaged[at + 3] = 0x7f // block 7's length now runs past the end of the file, and intact records follow
    writeFileSync(log, damaged)
    const lines: string[] = []
    const c = await open(dir, { recover: true, log: (l) => lines.push(l) })
    expect(await c.call('miner', 'getblockcount', [])).toBe(6)
    const next = (await c.call('miner', 'generate', [1])) as string[]
    await c.close()
    expect(statSync(log).size).toBeGreaterThan(at)
    const copies = readdirSync(dir).filter((f) => f.startsWith('chain.log.') && f.endsWith('.bak'))
    expect(copies).toHaveLength(1)
    expect(readFileSync(join(dir, copies[0])).equals(damaged)).toBe(true)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`kept a copy of the whole log (${damaged.length} bytes) at ${join(dir, copies[0])}`.replace('kept', 'Kept'))
    expect(lines[0]).toContain(`cut the log at byte ${at}`)
    expect(lines[0]).toContain('starts at height 6')
    // What it came back with is whole: a plain start needs no recovery.
    const again = await open(dir)
    expect(await again.call('miner', 'getbestblockhash', [])).toBe(next[0])
    await again.close()
  })

  it('--recover cuts at a record replay cannot apply, and starts again from the whole part', async () => {
    const { dir, log, bytes, records, start, blockRecord } = await chainOnDisk('integrity', 5)
    const b2 = blockRecord(2)
    const at = records[blockRecord(3)].end
    writeFileSync(log, Buffer.concat([bytes.subarray(0, at), bytes.subarray(start(b2), records[b2].end), bytes.subarray(at)]))
    const lines: string[] = []
    const c = await open(dir, { recover: true, log: (l) => lines.push(l) })
    expect(await c.call('miner', 'getblockcount', [])).toBe(3)
    await c.close()
    expect(statSync(log).size).toBe(at)
    expect(lines.join('\n')).toContain(`cut the log at byte ${at}`)
  })
})

describe('npm run chain on a damaged or busy data directory', () => {
  it('exits naming the holder when another process has the directory, and starts after it stops', async () => {
    const dir = tempDir()
    const first = await startChain(dir)
    const err = await startChain(dir).then(() => null, (e: Error) => e)
    expect(err?.message).toMatch(new RegExp(`chain exited 1: devchain: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another devchain: pid ${first.child.pid} on `))
    expect(err?.message).not.toMatch(/\n\s+at /) // a message, not a stack trace
    await rpc(first.url, 'generate', [2])
    await new Promise<void>((resolve) => {
      first.child.once('exit', () => resolve())
      first.child.kill('SIGTERM')
    })
    const second = await startChain(dir)
    expect(await rpc(second.url, 'getblockcount')).toBe(3)
  })

  it('refuses a damaged log with the --recover hint, then --recover starts at the last good height', async () => {
    const dir = tempDir()
    const first = await startChain(dir)
    await rpc(first.url, 'generate', [5])
    await new Promise<void>((resolve) => {
      first.child.once('exit', () => resolve())
      first.child.kill('SIGTERM')
    })
    rmSync(join(dir, 'snapshot.bin'))
    const log = join(dir, 'chain.log')
    const bytes = readFileSync(log)
    const { records } = scanRecords(bytes)
    const blocks = records.filter((r) => r.type === RecordType.Block)
    const at = blocks[3].end // block 5 starts here
    bytes[at + 12] ^= 1
    writeFileSync(log, bytes)
    await expect(startChain(dir)).rejects.toThrow(new RegExp(`chain exited 1: devchain: the chain log in .* is damaged at byte ${at}.*--recover`))
    const recovered = await spawnChain(['-ac_name=PERSIST', '-ac_supply=1000', '-rpcport=0', `-datadir=${dir}`, '--recover'], { DEVCHAIN_SEED: 'persist' })
    expect(await rpc(recovered.url, 'getblockcount')).toBe(4)
    expect(recovered.stderr()).toContain(`cut the log at byte ${at}`)
    expect(readdirSync(dir).some((f) => f.startsWith('chain.log.') && f.endsWith('.bak'))).toBe(true)
  })
})

describe('snapshots on disk', () => {
  it('writes snapshot.bin on close, starts from it, and ignores a damaged one with a log line', async () => {
    const dir = tempDir()
    const a = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'snap' })
    const hashes = (await a.call('miner', 'generate', [20])) as string[]
    const addr = (await a.call('reader', 'getnewaddress', [])) as string
    const txid = (await a.call('miner', 'sendtoaddress', [addr, 3])) as string // left in the mempool
    await a.close()
    const snapshot = join(dir, 'snapshot.bin')
    expect(statSync(snapshot).size).toBeGreaterThan(0)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])

    const lines: string[] = []
    const b = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'snap', log: (l) => lines.push(l) })
    expect(await b.call('miner', 'getbestblockhash', [])).toBe(hashes[19])
    expect(await b.call('miner', 'getrawmempool', [])).toEqual([txid])
    expect(((await b.call('reader', 'validateaddress', [addr])) as { ismine: boolean }).ismine).toBe(true)
    await b.close()
    expect(lines).toEqual([])

    const bytes = readFileSync(snapshot)
    bytes[bytes.length - 5] ^= 0x20
    writeFileSync(snapshot, bytes)
    const c = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'snap', log: (l) => lines.push(l) })
    expect(lines).toEqual([`devchain: ignored the snapshot in ${dir}: its checksum does not match; replaying the whole log`])
    expect(await c.call('miner', 'getbestblockhash', [])).toBe(hashes[19])
    expect(await c.call('miner', 'getrawmempool', [])).toEqual([txid])
    await c.close()
  })
})
