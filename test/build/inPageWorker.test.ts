/**
 * The in-page chain's worker as the build emits it: the client names one worker script, it is in the
 * build with the proof-of-work worker it starts, and, run in a worker scope, it answers a call.
 * (test/e2e/inPageJourneys.test.ts walks journeys on it in Chromium; this fails sooner, and says which file.)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkerReply, WorkerRequest } from '../../protocol/transport.ts'
import { sharedDist } from '../support/site.ts'

let dist: string
beforeAll(() => {
  dist = sharedDist()
})
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-in-page-worker-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

/**
 * Runs a worker script in a Node worker thread, standing in for a browser's dedicated worker scope
 * (`self`, its message events, `postMessage`), and asks it one question.
 */
async function askWorker(script: string, request: WorkerRequest): Promise<WorkerReply> {
  // As a module, as client.ts starts it (`{ type: 'module' }`).
  const copy = path.join(work, `${path.basename(script, '.js')}.mjs`)
  fs.copyFileSync(script, copy)
  const scope = [
    `import { parentPort } from 'node:worker_threads'`,
    `globalThis.self = globalThis`,
    `globalThis.addEventListener = (type, fn) => { if (type === 'message') parentPort.on('message', (data) => fn({ data })) }`,
    `globalThis.postMessage = (m) => parentPort.postMessage(m)`,
    `await import(${JSON.stringify(pathToFileURL(copy).href)})`,
  ].join('\n')
  const worker = new Worker(scope, { eval: true, type: 'module' } as never)
  try {
    return await new Promise<WorkerReply>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.postMessage(request)
    })
  } finally {
    await worker.terminate()
  }
}

describe('the in-page chain\'s worker in the build', () => {
  const assets = () => path.join(dist, 'assets')
  /** The worker scripts the client's entry chunk names (client.ts imports the worker's URL). */
  const namedByClient = (): string[] => {
    const entries = fs.readdirSync(assets()).filter((f) => /^app-[\w-]+\.js$/.test(f))
    const names = entries.flatMap((f) => [...fs.readFileSync(path.join(assets(), f), 'utf8').matchAll(/\/assets\/(worker-[\w-]+\.js)\b/g)].map((m) => m[1]))
    return [...new Set(names)]
  }

  it('is one script the client names, present in the build with the proof-of-work worker it starts', () => {
    const named = namedByClient()
    expect(named).toHaveLength(1)
    const worker = path.join(assets(), named[0])
    expect(fs.existsSync(worker), `${named[0]} missing from the build`).toBe(true)
    const pow = /(powWorkerBrowser-[\w-]+\.js)/.exec(fs.readFileSync(worker, 'utf8'))?.[1]
    expect(pow, 'the worker names no proof-of-work worker').toBeDefined()
    expect(fs.existsSync(path.join(assets(), pow!)), `${pow} missing from the build`).toBe(true)
  })

  it('answers getinfo when run in a worker scope, with the engine and the modules\' rules in it', async () => {
    const script = path.join(assets(), namedByClient()[0])
    const body = JSON.stringify({ jsonrpc: '1.0', id: 'kj', method: 'getinfo', params: [] })
    const reply = await askWorker(script, { id: 7, type: 'rpc', node: 'miner', body })
    expect(reply).toMatchObject({ id: 7, type: 'rpc', status: 200 })
    const info = JSON.parse((reply as { body: string }).body) as { result: { blocks: number }; error: unknown }
    expect(info.error).toBeNull()
    expect(Number.isInteger(info.result.blocks)).toBe(true)
    // A CC module's own method: its rules are in the script (modules/loadRules.ts loads them as the worker starts).
    const tokens = JSON.stringify({ jsonrpc: '1.0', id: 'kj', method: 'tokenlist', params: [] })
    const listed = await askWorker(script, { id: 8, type: 'rpc', node: 'miner', body: tokens })
    expect(listed).toMatchObject({ id: 8, type: 'rpc', status: 200 })
    expect(JSON.parse((listed as { body: string }).body)).toMatchObject({ result: [], error: null })
  }, 60_000)
})
