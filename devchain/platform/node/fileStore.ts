/**
 * The Node backend of the engine's storage seam (`devchain/chain/store.ts`): a data directory with
 * `chain.log` (the record log, appended and fsync'd), `snapshot.bin` (replaced by write-to-temp,
 * fsync, rename) and `LOCK`, which names the one process using the directory (two processes
 * appending to one log interleave their records and ruin it). Writes are synchronous system calls inside async methods: one `writeSync` +
 * `fsyncSync` per flush is what the crash-safety test measures, and a thread-pool hop per flush
 * would only add latency to every state-changing call.
 */
import { closeSync, copyFileSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import type { ChainStore, SnapshotWriter } from '../../chain/store.ts'
import { acquireDirLock, type DirLock } from './dirLock.ts'

const LOG = 'chain.log'
const SNAPSHOT = 'snapshot.bin'

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written)
}

/** fsync of a directory, so a rename or a new file in it survives a crash (not possible on every OS). */
function syncDir(dir: string): void {
  let fd = -1
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a directory; its renames are durable once the call returns.
  } finally {
    if (fd >= 0) closeSync(fd)
  }
}

export class FileStore implements ChainStore {
  readonly location: string
  private readonly logPath: string
  private readonly snapshotPath: string
  private fd = -1
  private lock: DirLock | null = null

  constructor(readonly dir: string) {
    this.location = dir
    this.logPath = join(dir, LOG)
    this.snapshotPath = join(dir, SNAPSHOT)
  }

  async open(): Promise<void> {
    mkdirSync(this.dir, { recursive: true })
    this.lock = acquireDirLock(this.dir)
    try {
      this.openLog()
    } catch (e) {
      this.lock.release()
      this.lock = null
      throw e
    }
  }

  private openLog(): void {
    const created = !existsSync(this.logPath)
    // 'a+': every write goes to the end whatever the read position.
    this.fd = openSync(this.logPath, 'a+')
    if (created) syncDir(this.dir)
  }

  async logSize(): Promise<number> {
    return fstatSync(this.fd).size
  }

  async readLog(offset: number): Promise<Uint8Array> {
    const size = fstatSync(this.fd).size
    const out = new Uint8Array(Math.max(0, size - offset))
    let got = 0
    while (got < out.length) {
      const n = readSync(this.fd, out, got, out.length - got, offset + got)
      if (n === 0) break
      got += n
    }
    return got === out.length ? out : out.subarray(0, got)
  }

  async appendLog(bytes: Uint8Array): Promise<void> {
    writeAll(this.fd, bytes)
    fsyncSync(this.fd)
  }

  async truncateLog(size: number): Promise<void> {
    ftruncateSync(this.fd, size)
    fsyncSync(this.fd)
  }

  async backupLog(): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const path = join(this.dir, `${LOG}.${stamp}.bak`)
    copyFileSync(this.logPath, path)
    const fd = openSync(path, 'r+')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    syncDir(this.dir)
    return path
  }

  /**
   * Read off the event loop (the thread pool): a long chain's snapshot is tens of MB, read while a
   * start that answered from its header serves calls.
   */
  async readSnapshot(): Promise<Uint8Array | null> {
    let file: FileHandle
    try {
      // fs/promises is loaded by the first start that has a snapshot, not by every start (a
      // require: the chain's bundle runs as a script, where import() has no loader).
      const { open } = createRequire(import.meta.url)('node:fs/promises') as typeof import('node:fs/promises')
      file = await open(this.snapshotPath, 'r')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    try {
      // One read into a buffer of the file's size (readFile reads 512 KB at a time); a file that
      // grew meanwhile reads short, and its length check says so.
      const out = Buffer.allocUnsafe((await file.stat()).size)
      let got = 0
      while (got < out.length) {
        const { bytesRead } = await file.read(out, got, out.length - got, got)
        if (bytesRead === 0) break
        got += bytesRead
      }
      return new Uint8Array(out.buffer, out.byteOffset, got)
    } finally {
      await file.close()
    }
  }

  /** The snapshot's first bytes, read at once (a start's first answer waits on them). */
  async readSnapshotRange(start: number, end: number): Promise<Uint8Array | null> {
    let fd: number
    try {
      fd = openSync(this.snapshotPath, 'r')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    try {
      const out = new Uint8Array(Math.max(0, Math.min(end, fstatSync(fd).size) - start))
      let got = 0
      while (got < out.length) {
        const n = readSync(fd, out, got, out.length - got, start + got)
        if (n === 0) break
        got += n
      }
      return out.subarray(0, got)
    } finally {
      closeSync(fd)
    }
  }

  async writeSnapshot(bytes: Uint8Array): Promise<void> {
    const tmp = `${this.snapshotPath}.tmp`
    const fd = openSync(tmp, 'w')
    try {
      writeAll(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, this.snapshotPath)
    syncDir(this.dir)
  }

  /** Writes to the temporary file as the parts come, then fsync and rename, as `writeSnapshot`. */
  beginSnapshot(): SnapshotWriter {
    const tmp = `${this.snapshotPath}.tmp`
    let fd = openSync(tmp, 'w')
    const close = () => {
      if (fd >= 0) closeSync(fd)
      fd = -1
    }
    return {
      write: (part) => writeAll(fd, part),
      finish: async (first) => {
        try {
          let done = 0
          while (done < first.length) done += writeSync(fd, first, done, first.length - done, done)
          fsyncSync(fd)
        } catch (e) {
          close()
          rmSync(tmp, { force: true })
          throw e
        }
        close()
        renameSync(tmp, this.snapshotPath)
        syncDir(this.dir)
      },
      abort: () => {
        close()
        rmSync(tmp, { force: true })
      },
    }
  }

  async deleteSnapshot(): Promise<void> {
    if (!existsSync(this.snapshotPath)) return
    rmSync(this.snapshotPath, { force: true })
    syncDir(this.dir)
  }

  async clear(): Promise<void> {
    await this.deleteSnapshot()
    if (this.fd >= 0) closeSync(this.fd)
    rmSync(this.logPath, { force: true })
    this.openLog()
  }

  async close(): Promise<void> {
    if (this.fd >= 0) closeSync(this.fd)
    this.fd = -1
    this.lock?.release()
    this.lock = null
  }
}

/** The `storage` option for a Node composition root: one `FileStore` per data directory. */
export const fileStorage = (dataDir: string): ChainStore => new FileStore(dataDir)
