/** `npm run chain` as a child process for tests, with the temp dirs and processes they leave cleaned up. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chainCommand } from '../../../scripts/chainCommand.ts'

/** The chain's default RPC credentials. */
export const AUTH = 'Basic ' + Buffer.from('user:pass').toString('base64')

const dirs: string[] = []
const children: ChildProcess[] = []

/** A fresh temp directory, removed by `cleanUp()`. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'devchain-test-'))
  dirs.push(d)
  return d
}

/** For `afterEach`: kills the chains still running and removes the temp directories. */
export function cleanUp(): void {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
}

/** Starts `npm run chain <args>` and resolves once it says where it listens. */
export async function spawnChain(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; stdout: () => string; stderr: () => string }> {
  const [program, ...command] = chainCommand()
  const child = spawn(program, [...command, ...args], {
    cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  })
  children.push(child)
  let err = ''
  let out = ''
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (m) resolve(m[1])
    })
    child.on('exit', (code) => reject(new Error(`chain exited ${code}: ${err}`)))
  })
  return { child, url, stdout: () => out, stderr: () => err }
}
