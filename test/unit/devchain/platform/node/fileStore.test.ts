import { describe, it, expect, afterEach } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileStore } from '../../../../../devchain/platform/node/fileStore.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'filestore-'))
  dirs.push(d)
  return join(d, 'data')
}

describe('FileStore', () => {
  it('appends, reads from an offset, truncates, keeps a backup copy and replaces the snapshot', async () => {
    const dir = temp()
    const s = new FileStore(dir)
    await s.open()
    await s.appendLog(Uint8Array.of(1, 2, 3))
    await s.appendLog(Uint8Array.of(4, 5))
    expect(await s.logSize()).toBe(5)
    expect([...(await s.readLog(2))]).toEqual([3, 4, 5])
    const backup = await s.backupLog()
    await s.truncateLog(3)
    expect([...readFileSync(join(dir, 'chain.log'))]).toEqual([1, 2, 3])
    expect([...readFileSync(backup)]).toEqual([1, 2, 3, 4, 5])

    expect(await s.readSnapshot()).toBeNull()
    await s.writeSnapshot(Uint8Array.of(7))
    await s.writeSnapshot(Uint8Array.of(8, 9))
    expect([...(await s.readSnapshot())!]).toEqual([8, 9])
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    await s.deleteSnapshot()
    expect(await s.readSnapshot()).toBeNull()

    await s.clear()
    expect(await s.logSize()).toBe(0)
    await s.appendLog(Uint8Array.of(6))
    await s.close()
    expect(existsSync(join(dir, 'chain.log'))).toBe(true)
    expect([...readFileSync(join(dir, 'chain.log'))]).toEqual([6])
  })

  it('reads a range of the snapshot (a start reads its header first), and the whole of a large one', async () => {
    const s = new FileStore(temp())
    await s.open()
    expect(await s.readSnapshotRange(0, 16)).toBeNull()
    const big = new Uint8Array(3 << 20)
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff
    await s.writeSnapshot(big)
    expect([...(await s.readSnapshotRange(0, 4))!]).toEqual([0, 7, 14, 21])
    expect([...(await s.readSnapshotRange(10, 12))!]).toEqual([70, 77])
    // Past its end: what there is.
    expect((await s.readSnapshotRange(big.length - 2, big.length + 100))!.length).toBe(2)
    expect((await s.readSnapshotRange(big.length + 5, big.length + 100))!.length).toBe(0)
    const whole = await s.readSnapshot()
    expect(whole!.length).toBe(big.length)
    expect(Buffer.from(whole!).equals(Buffer.from(big))).toBe(true)
    await s.close()
  })

  it('writes a snapshot as it is made: parts appended, its first bytes filled in last, replaced atomically; an aborted one leaves the old', async () => {
    const dir = temp()
    const s = new FileStore(dir)
    await s.open()
    await s.writeSnapshot(Uint8Array.of(1, 1, 1))
    const w = s.beginSnapshot()
    const part = new Uint8Array([0, 0, 5, 6])
    w.write(part)
    part.set([7, 8, 9, 10]) // the part's buffer is reused once written
    w.write(part)
    // Not the snapshot until finished.
    expect([...(await s.readSnapshot())!]).toEqual([1, 1, 1])
    await w.finish(Uint8Array.of(3, 4))
    expect([...(await s.readSnapshot())!]).toEqual([3, 4, 5, 6, 7, 8, 9, 10])
    const dropped = s.beginSnapshot()
    dropped.write(Uint8Array.of(9))
    dropped.abort()
    expect([...(await s.readSnapshot())!]).toEqual([3, 4, 5, 6, 7, 8, 9, 10])
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    await s.close()
  })
})
