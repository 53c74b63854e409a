/**
 * The browser backend of the engine's storage seam (devchain/chain/store.ts): one IndexedDB
 * database per chain (through `idb`), and a Web Lock so that one tab at a time writes it — a second
 * tab gets `StoreLockedError` instead of interleaving records with the first.
 *
 * The log is kept as one row per `appendLog` call, keyed by its start offset. IndexedDB transactions
 * are atomic, so the log never has a torn tail; the engine's checks run anyway.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { StoreLockedError, type ChainStore } from '../../chain/store.ts'

interface ChainDb extends DBSchema {
  log: { key: number; value: Uint8Array }
  snapshot: { key: string; value: Uint8Array }
  backup: { key: string; value: Uint8Array }
}

/** The part of the Web Locks API the store uses (injected in tests, where Node has none). */
export interface LockApi {
  request(name: string, options: { ifAvailable: boolean }, fn: (lock: unknown) => Promise<void> | void): Promise<unknown>
}

export interface IdbStoreOptions {
  /** @default navigator.locks */
  locks?: LockApi
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

export class IdbStore implements ChainStore {
  private db: IDBPDatabase<ChainDb> | null = null
  private size = 0
  private release: (() => void) | null = null

  constructor(readonly location: string, private readonly options: IdbStoreOptions = {}) {}

  async open(): Promise<void> {
    await this.lock()
    try {
      this.db = await openDB<ChainDb>(this.location, 1, {
        upgrade(db) {
          db.createObjectStore('log')
          db.createObjectStore('snapshot')
          db.createObjectStore('backup')
        },
      })
      this.size = await this.measure()
    } catch (e) {
      this.unlock()
      throw e
    }
  }

  /** Holds the chain's Web Lock until close(); another tab holding it means StoreLockedError. */
  private lock(): Promise<void> {
    const locks = this.options.locks ?? (globalThis.navigator as { locks?: LockApi } | undefined)?.locks
    if (!locks) return Promise.resolve() // a browser without Web Locks: one tab is all it can have open safely
    return new Promise<void>((resolve, reject) => {
      locks
        .request(`kj-chain:${this.location}`, { ifAvailable: true }, (lock) => {
          if (!lock) {
            reject(new StoreLockedError(`the in-page chain ${this.location} is open in another tab of this browser`))
            return
          }
          resolve()
          return new Promise<void>((done) => (this.release = done))
        })
        .catch(reject)
    })
  }

  private unlock(): void {
    this.release?.()
    this.release = null
  }

  private get database(): IDBPDatabase<ChainDb> {
    if (!this.db) throw new Error(`${this.location} is not open`)
    return this.db
  }

  private async measure(): Promise<number> {
    const cursor = await this.database.transaction('log').store.openCursor(null, 'prev')
    return cursor ? cursor.key + cursor.value.length : 0
  }

  async logSize(): Promise<number> {
    return this.size
  }

  async readLog(offset: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = []
    let cursor = await this.database.transaction('log').store.openCursor()
    for (; cursor; cursor = await cursor.continue()) {
      const end = cursor.key + cursor.value.length
      if (end <= offset) continue
      parts.push(cursor.key < offset ? cursor.value.subarray(offset - cursor.key) : cursor.value)
    }
    return concat(parts)
  }

  async appendLog(bytes: Uint8Array): Promise<void> {
    const tx = this.database.transaction('log', 'readwrite', { durability: 'strict' })
    await tx.store.put(bytes.slice(), this.size)
    await tx.done
    this.size += bytes.length
  }

  async truncateLog(size: number): Promise<void> {
    const tx = this.database.transaction('log', 'readwrite', { durability: 'strict' })
    let cursor = await tx.store.openCursor()
    for (; cursor; cursor = await cursor.continue()) {
      if (cursor.key >= size) await cursor.delete()
      else if (cursor.key + cursor.value.length > size) await cursor.update(cursor.value.slice(0, size - cursor.key))
    }
    await tx.done
    this.size = Math.min(this.size, size)
  }

  async backupLog(): Promise<string> {
    const name = `log-${new Date().toISOString()}`
    const all = await this.readLog(0)
    const tx = this.database.transaction('backup', 'readwrite', { durability: 'strict' })
    await tx.store.put(all, name)
    await tx.done
    return `${this.location}/${name}`
  }

  async readSnapshot(): Promise<Uint8Array | null> {
    return (await this.database.get('snapshot', 'latest')) ?? null
  }

  async writeSnapshot(bytes: Uint8Array): Promise<void> {
    const tx = this.database.transaction('snapshot', 'readwrite', { durability: 'strict' })
    await tx.store.put(bytes.slice(), 'latest')
    await tx.done
  }

  async deleteSnapshot(): Promise<void> {
    await this.database.delete('snapshot', 'latest')
  }

  async clear(): Promise<void> {
    const tx = this.database.transaction(['log', 'snapshot'], 'readwrite', { durability: 'strict' })
    await Promise.all([tx.objectStore('log').clear(), tx.objectStore('snapshot').clear(), tx.done])
    this.size = 0
  }

  async close(): Promise<void> {
    this.db?.close()
    this.db = null
    this.unlock()
  }
}

/** The `storage` option for the in-page chain: one database per chain name. */
export const idbStorage = (location: string): ChainStore => new IdbStore(location)
