import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './site.ts'

export interface DevServer {
  base: string
  /** Everything the server printed so far (stdout and stderr). */
  output(): string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as net.AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}

/** Polls `url` until it answers 2xx, failing early with the server's output if the process exits. */
export async function waitForOk(url: string, child: ChildProcess, output: () => string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vuepress dev exited (${child.exitCode}):\n${output().slice(-3000)}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer:\n${output().slice(-3000)}`)
}

/**
 * `vuepress dev` on a free loopback port, run from `cwd` (the repository, or a copy of it), with its own temp,
 * cache and devchain folders under `scratch` so other servers and builds on the same tree never collide with it.
 */
export async function startDevServer(cwd: string, scratch: string, env: NodeJS.ProcessEnv = {}): Promise<DevServer> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let out = ''
  const child = spawn(process.execPath, [
    path.join(ROOT, 'node_modules/vuepress/bin/vuepress.js'), 'dev', '--host', '127.0.0.1', '--port', String(port),
    '--temp', path.join(scratch, 'temp'), '--cache', path.join(scratch, 'cache'),
  ], {
    cwd,
    env: { ...process.env, DEVCHAIN_DATA: path.join(scratch, 'chain'), GATEWAY_LOG_LEVEL: 'silent', GATEWAY_RATE_PER_SEC: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  await waitForOk(`${base}/rpc/meta`, child, () => out)
  return {
    base,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

/** What a copy of the project needs to run `vuepress dev`: the sources, with the repository's node_modules linked. */
const PROJECT_ENTRIES = ['.vuepress', 'components', 'deploy', 'devchain', 'docs', 'locales', 'modules', 'protocol', 'scripts', 'server', 'package.json', 'tsconfig.json']
const GENERATED = new Set(['.temp', '.cache', 'dist'])

/** A scratch copy of the project, for tests that edit pages and locale files under a running dev server. */
export function copyProject(dest = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-project-'))): string {
  for (const entry of PROJECT_ENTRIES) {
    const from = path.join(ROOT, entry)
    if (!fs.existsSync(from)) continue
    fs.cpSync(from, path.join(dest, entry), {
      recursive: true,
      filter: (src) => !GENERATED.has(path.basename(src)) || path.dirname(src) !== path.join(ROOT, '.vuepress'),
    })
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules'), 'dir')
  return dest
}
