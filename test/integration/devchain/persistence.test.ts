/**
 * Crash safety: `npm run chain` as a child process, blocks and payments under load, kill -9,
 * restart on the same data directory: every block hash and txid a call returned is still there.
 */
import { describe, it, expect, afterEach } from 'vitest'
import { appendFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createDevchain } from '../../../devchain/index.ts'
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

  it('drops a torn tail record and keeps loading', async () => {
    const dir = tempDir()
    const a = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'torn' })
    const hashes = (await a.call('miner', 'generate', [10])) as string[]
    await a.close()
    const log = join(dir, 'chain.log')
    const size = statSync(log).size
    appendFileSync(log, Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 2, 9, 9])) // a record cut short by a crash
    const b = await createDevchain({ dataDir: dir, storage: fileStorage, seed: 'torn' })
    expect(await b.call('miner', 'getbestblockhash', [])).toBe(hashes[9])
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
