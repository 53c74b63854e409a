/**
 * `npm run chain` runs plain Node on a cached esbuild bundle (server/chain/launch.mjs): the first
 * start builds it, a source change rebuilds it, modules keep their own import.meta.url, and the chain
 * it starts answers like the TypeScript one.
 */
import { describe, it, expect, afterEach } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
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

  it('is not fresh for another checkout\'s entry, as when checkouts share one node_modules', async () => {
    const root = tempDir()
    writeFileSync(join(root, 'entry.ts'), 'export const x = 1\n')
    const outFile = join(root, 'shared', 'entry.mjs')
    await ensureBundle({ entry: join(root, 'entry.ts'), outFile, root })
    expect(bundleIsFresh(outFile, join(root, 'entry.ts'))).toBe(true)
    const other = tempDir()
    writeFileSync(join(other, 'entry.ts'), 'export const x = 2\n')
    expect(bundleIsFresh(outFile, join(other, 'entry.ts'))).toBe(false)
    // The other checkout builds its own, over the shared one.
    await ensureBundle({ entry: join(other, 'entry.ts'), outFile, root: other })
    expect(((await import(pathToFileURL(outFile).href + '?other')) as { x: number }).x).toBe(2)
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

  it("drops NODE_EXTRA_CA_CERTS, which Node would parse at every start for a chain that opens no TLS connection", async () => {
    const { url, child } = await startChain({ DEVCHAIN_BUNDLE_DIR: tempDir(), NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' })
    const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0')
    expect(environ.some((v) => v.startsWith('NODE_EXTRA_CA_CERTS='))).toBe(false)
    // The environment of the Node that chain.sh became, not of a shell before it.
    expect(environ.some((v) => v.startsWith('DEVCHAIN_SNAPSHOT_KEY='))).toBe(true)
    expect((await post(url, '{"method":"getblockcount","params":[],"id":1}')).json.result).toBe(1)
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

/** Waits until `done()` holds: the snapshot is built in the background after a start's first answer. */
async function waitUntil(done: () => boolean, what: string): Promise<void> {
  for (const end = Date.now() + 30_000; !done(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error(`${what} within 30 s`)
  }
}

const cmdline = (child: ChildProcess) => readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0')

/** The same calls on a chain, for comparing a start from the snapshot with one from the bundle. */
async function answers(url: string) {
  const addr = (await post(url, '{"method":"getnewaddress","params":[],"id":1}')).json.result as string
  return [
    addr,
    await post(url, '{"method":"generate","params":[2],"id":2}'),
    await post(url, `{"method":"sendtoaddress","params":["${addr}",1.5],"id":3}`),
    await post(url, '{"method":"getbalance","params":[],"id":4}'),
    await post(url, '{"method":"getblock","params":["nope"],"id":5}'),
    await post(url, '{"method":"nosuchmethod","params":[],"id":6}'),
    await post(url, '[{"method":"getblockcount","id":7},{"method":"help","params":["getinfo"],"id":8}]'),
  ]
}

describe("npm run chain from Node's startup snapshot", () => {
  const startIn = (bundleDir: string, args: string[] = [], env: Record<string, string> = {}) =>
    spawnChain(['-ac_name=SNAP', '-rpcport=0', `-datadir=${tempDir()}`, ...args], { DEVCHAIN_BUNDLE_DIR: bundleDir, DEVCHAIN_SEED: 'snapshot-test', ...env })

  /** A bundle directory whose snapshot a first start has built. */
  async function built(): Promise<string> {
    const bundleDir = tempDir()
    const first = await startIn(bundleDir)
    expect(cmdline(first.child)).not.toContain('--snapshot-blob')
    await post(first.url, '{"method":"getblockcount","id":1}')
    await waitUntil(() => existsSync(join(bundleDir, 'cli.blob.key')), 'no snapshot was built')
    await stop(first.child)
    return bundleDir
  }

  it('builds the snapshot after a first answer, and a later start runs from it and answers as a start from the bundle does', async () => {
    const bundleDir = await built()
    const fromSnapshot = await startIn(bundleDir)
    expect(cmdline(fromSnapshot.child)).toContain('--snapshot-blob')
    // The flags are read at each start, not frozen into the snapshot.
    const info = await post(fromSnapshot.url, '{"method":"getinfo","id":1}')
    expect((info.json.result as { name: string }).name).toBe('SNAP')
    const viaSnapshot = await answers(fromSnapshot.url)
    await stop(fromSnapshot.child)

    const fromBundle = await startIn(bundleDir, [], { DEVCHAIN_SNAPSHOT: '0' })
    expect(cmdline(fromBundle.child)).not.toContain('--snapshot-blob')
    expect(await answers(fromBundle.url)).toEqual(viaSnapshot)
    await stop(fromBundle.child)
  })

  it('passes the blob only to the Node and flags it was built for', async () => {
    const bundleDir = await built()
    const keyFile = join(bundleDir, 'cli.blob.key')
    const key = readFileSync(keyFile, 'utf8')
    // As if another Node had built it: Node would refuse the blob and exit with status 14.
    writeFileSync(keyFile, key.replace(/^\d+/, '1'))
    const other = await startIn(bundleDir)
    expect(cmdline(other.child)).not.toContain('--snapshot-blob')
    expect((await post(other.url, '{"method":"getblockcount","id":1}')).json.result).toBe(1)
    // That start builds it again, for this Node.
    await waitUntil(() => readFileSync(keyFile, 'utf8') === key, 'the snapshot was not built again')
    await stop(other.child)
    expect(cmdline((await startIn(bundleDir)).child)).toContain('--snapshot-blob')
  })

  it('gets past a damaged blob: the start that meets it dies, the next one starts without it, and builds it again', async () => {
    const bundleDir = await built()
    const blob = join(bundleDir, 'cli.blob')
    const dataDir = tempDir()
    const startOn = () => spawnChain(['-ac_name=SNAP', '-rpcport=0', `-datadir=${dataDir}`], { DEVCHAIN_BUNDLE_DIR: bundleDir })
    // A good start from the blob takes away the mark it leaves before it (chain.sh).
    const good = await startOn()
    expect(cmdline(good.child)).toContain('--snapshot-blob')
    await post(good.url, '{"method":"generate","params":[3],"id":1}')
    expect(existsSync(`${blob}.started`)).toBe(false)
    await stop(good.child)

    // A bad byte in the middle of the blob: V8 refuses it, before any code of ours runs.
    const bytes = readFileSync(blob)
    bytes[bytes.length >> 1] ^= 0xff
    writeFileSync(blob, bytes)
    await expect(startOn()).rejects.toThrow(/chain exited/)

    const after = await startOn()
    expect(cmdline(after.child)).not.toContain('--snapshot-blob')
    expect(after.stderr()).toMatch(/did not get as far as the chain/)
    // The chain's data was never touched: the blocks mined before are there.
    expect((await post(after.url, '{"method":"getblockcount","id":1}')).json.result).toBe(4)
    await waitUntil(() => existsSync(`${blob}.key`), 'the snapshot was not built again')
    await stop(after.child)
    const again = await startOn()
    expect(cmdline(again.child)).toContain('--snapshot-blob')
    expect((await post(again.url, '{"method":"getblockcount","id":1}')).json.result).toBe(4)
    await stop(again.child)
  })

  it('hands over to the launcher when the sources changed since the snapshot, which rebuilds the bundle and the snapshot', async () => {
    const bundleDir = await built()
    const bundle = join(bundleDir, 'cli.cjs')
    const blobBefore = statSync(join(bundleDir, 'cli.blob')).mtimeMs
    const bundleBefore = statSync(bundle).mtimeMs
    // An input that no longer matches its fingerprint, as after an edit.
    const stamp = JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8')) as { inputs: Record<string, string> }
    const [first] = Object.keys(stamp.inputs)
    stamp.inputs[first] = '0:0'
    writeFileSync(`${bundle}.inputs.json`, JSON.stringify(stamp))

    const stale = await startIn(bundleDir)
    // chain.sh still passes the blob (its key matches), and the start inside it sees the change.
    expect(cmdline(stale.child)).toContain('--snapshot-blob')
    expect((await post(stale.url, '{"method":"getblockcount","id":1}')).json.result).toBe(1)
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(bundleBefore)
    await waitUntil(() => statSync(join(bundleDir, 'cli.blob')).mtimeMs !== blobBefore, 'the snapshot was not rebuilt')
    await stop(stale.child)
  })
})
