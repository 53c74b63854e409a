/**
 * `npm run chain` runs plain Node on a cached esbuild bundle (server/chain/launch.mjs): the first
 * start builds it, a source change rebuilds it, modules keep their own import.meta.url, and the chain
 * it starts answers like the TypeScript one.
 */
import { describe, it, expect, afterEach } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { bundleIsFresh, ensureBundle } from '../../../server/chain/bundle.mjs'
import { AUTH, cleanUp, spawnChain, tempDir } from './spawnChain.ts'

afterEach(cleanUp)

describe('bundle cache', () => {
  it('builds once, reuses the bundle, and rebuilds after an input changes', async () => {
    const root = tempDir()
    writeFileSync(join(root, 'dep.ts'), 'export const value: number = 1\n')
    writeFileSync(join(root, 'here.txt'), 'beside the source')
    writeFileSync(join(root, 'entry.ts'), [
      "import { readFileSync } from 'node:fs'",
      "import { value } from './dep.ts'",
      "export const here = readFileSync(new URL('./here.txt', import.meta.url), 'utf8')",
      'export { value }',
    ].join('\n'))
    const outFile = join(root, 'out', 'entry.mjs')
    expect(bundleIsFresh(outFile)).toBe(false)

    await ensureBundle({ entry: join(root, 'entry.ts'), outFile, root })
    expect(bundleIsFresh(outFile)).toBe(true)
    const first = (await import(pathToFileURL(outFile).href + '?1')) as { value: number; here: string }
    expect(first.value).toBe(1)
    // import.meta.url names the source file, not the bundle in out/.
    expect(first.here).toBe('beside the source')

    const built = readFileSync(outFile, 'utf8')
    await ensureBundle({ entry: join(root, 'entry.ts'), outFile, root })
    expect(readFileSync(outFile, 'utf8')).toBe(built)

    writeFileSync(join(root, 'dep.ts'), 'export const value: number = 2\n')
    // Same size is possible after an edit: the mtime must still tell.
    const later = new Date(Date.now() + 5_000)
    utimesSync(join(root, 'dep.ts'), later, later)
    expect(bundleIsFresh(outFile)).toBe(false)
    await ensureBundle({ entry: join(root, 'entry.ts'), outFile, root })
    const second = (await import(pathToFileURL(outFile).href + '?2')) as { value: number }
    expect(second.value).toBe(2)
  })

  it('treats a bundle without its input list as stale', async () => {
    const root = tempDir()
    writeFileSync(join(root, 'entry.ts'), 'export const x = 1\n')
    const outFile = join(root, 'entry.mjs')
    await ensureBundle({ entry: join(root, 'entry.ts'), outFile, root })
    rmSync(`${outFile}.inputs.json`)
    expect(bundleIsFresh(outFile)).toBe(false)
  })
})

const startChain = (env: Record<string, string>) => spawnChain(['-ac_name=LAUNCH', '-rpcport=0', `-datadir=${tempDir()}`], env)

const post = async (url: string, body: string) => {
  const r = await fetch(url + '/', { method: 'POST', headers: { authorization: AUTH }, body })
  return { status: r.status, json: (await r.json()) as { result: unknown; error: { code: number; message: string } | null; id: unknown } }
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

describe('npm run chain', () => {
  it('starts from a fresh bundle directory and answers komodod JSON-RPC over HTTP', async () => {
    const bundleDir = tempDir()
    const { url, stderr, child } = await startChain({ DEVCHAIN_BUNDLE_DIR: bundleDir })
    // It ran the bundle, not the tsx fallback.
    expect(existsSync(join(bundleDir, 'cli.cjs'))).toBe(true)
    expect(stderr()).not.toMatch(/through tsx/)
    expect(await post(url, '{"method":"getblockcount","params":[],"id":7}')).toEqual({ status: 200, json: { result: 1, error: null, id: 7 } })
    const info = await post(url, '{"method":"getinfo","params":[],"id":1}')
    expect((info.json.result as { name: string }).name).toBe('LAUNCH')
    expect(await post(url, '{"method":"nosuchmethod","params":[],"id":2}')).toEqual({ status: 404, json: { result: null, error: { code: -32601, message: 'Method not found' }, id: 2 } })
    await stop(child)
  })

  it('takes a bundle directory relative to the working directory', async () => {
    const bundleDir = tempDir()
    const { url, stderr, child } = await startChain({ DEVCHAIN_BUNDLE_DIR: relative(process.cwd(), bundleDir) })
    expect(existsSync(join(bundleDir, 'cli.cjs'))).toBe(true)
    expect(stderr()).not.toMatch(/through tsx/)
    expect(await post(url, '{"method":"getblockcount","params":[],"id":1}')).toEqual({ status: 200, json: { result: 1, error: null, id: 1 } })
    await stop(child)
  })

  it('still starts, through tsx, when the bundle cannot be written', async () => {
    const file = join(tempDir(), 'not-a-directory')
    writeFileSync(file, '')
    const { url, stderr, child } = await startChain({ DEVCHAIN_BUNDLE_DIR: join(file, 'cache') })
    expect(stderr()).toMatch(/running through tsx/)
    expect(await post(url, '{"method":"getblockcount","params":[],"id":1}')).toEqual({ status: 200, json: { result: 1, error: null, id: 1 } })
    await stop(child)
  })
})
