/**
 * The browser storage backend under fake-indexeddb: the same contract the Node FileStore meets, one
 * writer per chain through a Web Lock, and a whole chain that survives a "reload" (a new core on
 * the same database) on the browser platform.
 */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { IdbStore, idbStorage, type LockApi } from '../../../../../devchain/platform/browser/idbStore.ts'
import { StoreLockedError } from '../../../../../devchain/chain/store.ts'
import { createDevchain } from '../../../../support/devchain.ts'

/** Web Locks as a browser implements them for `ifAvailable` (Node 20 has none). */
function fakeLocks(): LockApi {
  const held = new Set<string>()
  return {
    async request(name, _opts, fn) {
      if (held.has(name)) return fn(null)
      held.add(name)
      try {
        return await fn({ name })
      } finally {
        held.delete(name)
      }
    },
  }
}

let n = 0
const dbName = () => `kj-test-${++n}-${Math.random()}`

describe('IdbStore', () => {
  it('appends, reads from an offset, truncates mid-chunk, keeps a backup and replaces the snapshot', async () => {
    const s = new IdbStore(dbName(), { locks: fakeLocks() })
    await s.open()
    await s.appendLog(Uint8Array.of(1, 2, 3))
    await s.appendLog(Uint8Array.of(4, 5))
    expect(await s.logSize()).toBe(5)
    expect([...(await s.readLog(2))]).toEqual([3, 4, 5])
    expect([...(await s.readLog(4))]).toEqual([5])
    const backup = await s.backupLog()
    expect(backup).toContain(s.location)
    await s.truncateLog(2)
    expect(await s.logSize()).toBe(2)
    expect([...(await s.readLog(0))]).toEqual([1, 2])
    await s.appendLog(Uint8Array.of(9))
    expect([...(await s.readLog(0))]).toEqual([1, 2, 9])

    expect(await s.readSnapshot()).toBeNull()
    await s.writeSnapshot(Uint8Array.of(7))
    await s.writeSnapshot(Uint8Array.of(8, 9))
    expect([...(await s.readSnapshot())!]).toEqual([8, 9])
    await s.deleteSnapshot()
    expect(await s.readSnapshot()).toBeNull()

    await s.clear()
    expect(await s.logSize()).toBe(0)
    await s.appendLog(Uint8Array.of(6))
    await s.close()

    const again = new IdbStore(s.location, { locks: fakeLocks() })
    await again.open()
    expect(await again.logSize()).toBe(1)
    expect([...(await again.readLog(0))]).toEqual([6])
    await again.close()
  })

  it('lets one tab write a chain at a time', async () => {
    const locks = fakeLocks()
    const name = dbName()
    const first = new IdbStore(name, { locks })
    await first.open()
    const second = new IdbStore(name, { locks })
    await expect(second.open()).rejects.toBeInstanceOf(StoreLockedError)
    await first.close()
    await second.open()
    await second.close()
  })

  it('keeps a whole chain across a reload of the page', async () => {
    const location = dbName()
    const opts = { dataDir: location, storage: idbStorage, seed: 'idb-reload' }
    const a = await createDevchain(opts)
    const hashes = (await a.call('miner', 'generate', [3])) as string[]
    const addr = (await a.call('reader', 'getnewaddress', [])) as string
    await a.close()
    const b = await createDevchain(opts)
    expect(await b.call('miner', 'getblockcount', [])).toBe(4)
    expect(await b.call('miner', 'getbestblockhash', [])).toBe(hashes[2])
    expect(((await b.call('reader', 'validateaddress', [addr])) as { ismine: boolean }).ismine).toBe(true)
    await b.close()
  })
})
