/**
 * One process per data directory: a `LOCK` file naming its holder (pid, host, start time, command).
 * It is created with a hard link from a fully written temp file, so another process never reads
 * a half-written lock. A lock whose holder is gone (same host, pid no longer running — a kill -9 or
 * a crash left it) is stale and taken over; any other holder makes `acquireDirLock` throw
 * `StoreLockedError` with a message that names it.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { StoreLockedError } from '../../chain/store.ts'

export const LOCK_FILE = 'LOCK'

interface Holder {
  pid: number
  host: string
  started: string
  command: string
}

export interface DirLock {
  readonly path: string
  release(): void
}

function readHolder(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, started: String(h.started ?? '?'), command: String(h.command ?? '?') } : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Our own pid in an old lock means a restart reused it (a container's pid 1): that holder is gone. */
function isStale(h: Holder): boolean {
  return h.host === hostname() && (h.pid === process.pid || !isRunning(h.pid))
}

const sameHolder = (a: Holder | null, b: Holder | null): boolean => (!a || !b ? a === b : a.pid === b.pid && a.host === b.host && a.started === b.started)

/** An empty LOCK: what a power loss leaves of a lock written without fsync; no live holder shows one. */
function isEmpty(path: string): boolean {
  try {
    return statSync(path).size === 0
  } catch {
    return false
  }
}

/**
 * Moves a stale lock out of the way. Two processes may find the same stale lock at once: the second
 * rename could then move the first one's fresh lock, so what was moved is checked and put back when
 * it is not the stale lock that was read.
 */
function takeOverStale(path: string, stale: Holder | null): void {
  const aside = `${path}.stale.${process.pid}`
  try {
    renameSync(path, aside)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return // someone else moved it: try again
    throw e
  }
  if (!sameHolder(readHolder(aside), stale)) {
    try {
      linkSync(aside, path)
    } catch {
      // A third process took the directory meanwhile; the next attempt reads its lock.
    }
  }
  rmSync(aside, { force: true })
}

export function acquireDirLock(dir: string): DirLock {
  const path = join(dir, LOCK_FILE)
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(1).join(' ') }
  const tmp = join(dir, `${LOCK_FILE}.${process.pid}.${Date.now()}.tmp`)
  // No fsync: other processes read the link from the page cache, whole. Only a power loss can leave
  // an empty LOCK behind, and an empty LOCK is taken over as stale below. (The fsync cost a start
  // 10–60 ms of wall time here, before its first answer.)
  const fd = openSync(tmp, 'w')
  try {
    writeSync(fd, JSON.stringify(me) + '\n')
  } finally {
    closeSync(fd)
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, path)
        break
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e
      }
      if (isEmpty(path)) {
        takeOverStale(path, null)
        continue
      }
      const holder = readHolder(path)
      if (holder && !isStale(holder)) {
        throw new StoreLockedError(
          `devchain: ${dir} is in use by another devchain: pid ${holder.pid} on ${holder.host}, started ${holder.started} (${holder.command}). ` +
            `Stop that process, or give this one another -datadir. If that process is gone for sure, delete ${path}.`,
        )
      }
      if (!holder) {
        throw new StoreLockedError(`devchain: ${dir} is locked by ${path}, which does not say who holds it. If no other devchain uses ${dir}, delete that file.`)
      }
      takeOverStale(path, holder)
    }
  } finally {
    rmSync(tmp, { force: true })
  }
  return {
    path,
    release() {
      // Only our own lock: a lock taken over after ours went stale is someone else's now.
      if (sameHolder(readHolder(path), me)) rmSync(path, { force: true })
    },
  }
}
