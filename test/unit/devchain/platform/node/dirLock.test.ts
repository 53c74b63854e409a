import { describe, it, expect, afterEach } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquireDirLock, LOCK_FILE } from '../../../../../devchain/platform/node/dirLock.ts'
import { StoreLockedError } from '../../../../../devchain/chain/store.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dirlock-'))
  dirs.push(d)
  return d
}
const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, started: '2026-01-01T00:00:00.000Z', command: 'other chain' })
/** A pid that is surely not running: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!

describe('acquireDirLock', () => {
  it('names this process in the lock, refuses a second holder, and frees the directory on release', () => {
    const dir = temp()
    const lock = acquireDirLock(dir)
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    writeFileSync(join(dir, 'x'), '') // unrelated files do not matter
    lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    acquireDirLock(dir).release()
  })

  it('refuses a directory held by a running process, naming it', () => {
    const dir = temp()
    writeFileSync(join(dir, LOCK_FILE), holder(process.ppid))
    expect(() => acquireDirLock(dir)).toThrow(StoreLockedError)
    expect(() => acquireDirLock(dir)).toThrow(`is in use by another devchain: pid ${process.ppid} on ${hostname()}, started 2026-01-01T00:00:00.000Z (other chain)`)
    writeFileSync(join(dir, LOCK_FILE), holder(deadPid(), 'another-host'))
    expect(() => acquireDirLock(dir)).toThrow(/pid \d+ on another-host/) // its pid cannot be checked from here
  })

  it('takes over a stale lock whose process is gone', () => {
    const dir = temp()
    writeFileSync(join(dir, LOCK_FILE), holder(deadPid()))
    const lock = acquireDirLock(dir)
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('takes over an empty lock (what a power loss leaves of one), but still refuses an unreadable one', () => {
    const dir = temp()
    writeFileSync(join(dir, LOCK_FILE), '')
    const lock = acquireDirLock(dir)
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    lock.release()
    writeFileSync(join(dir, LOCK_FILE), 'not json')
    expect(() => acquireDirLock(dir)).toThrow('which does not say who holds it')
  })

  it('does not remove a lock that is no longer its own', () => {
    const dir = temp()
    const lock = acquireDirLock(dir)
    writeFileSync(join(dir, LOCK_FILE), holder(process.ppid))
    lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
  })
})
