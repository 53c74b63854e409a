/**
 * The browser's proof-of-work worker (modules/faucet/powWorkerBrowser.mjs) runs the same search as
 * Node's and finds the same txid, also where the page has no SharedArrayBuffer (no cross-origin
 * isolation: the usual static host), when a sibling's find reaches the others by message. The real
 * worker file runs here in a Node worker thread behind a small `self` shim.
 */
import { Worker } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ccScript, makeCCcond1 } from '../../../../devchain/cc/condition.ts'
import { hexToBytes, sha256 } from '../../../../devchain/cc/hashes.ts'
import { newTx, txidOf } from '../../../../devchain/tx/transaction.ts'
import { p2pk } from '../../../../devchain/tx/script.ts'
import { opReturnScript } from '../../../../protocol/opret.ts'
import { encodeFaucetGet, faucet } from '../../../../modules/faucet/spec.ts'

const workerFile = pathToFileURL(path.resolve(import.meta.dirname, '../../../../modules/faucet/powWorkerBrowser.mjs')).href
const SHIM = `
const { parentPort } = require('node:worker_threads')
const listeners = []
const early = []
globalThis.self = {
  postMessage: (m) => parentPort.postMessage(m),
  addEventListener: (type, fn) => { if (type === 'message') listeners.push(fn) },
}
// Messages sent before the module has loaded wait for it, as a Web Worker's do.
parentPort.on('message', (data) => { if (listeners.length) for (const fn of listeners) fn({ data }); else early.push(data) })
import(${JSON.stringify(workerFile)}).then(() => { for (const data of early.splice(0)) for (const fn of listeners) fn({ data }) })
`
const started: Worker[] = []
let boundMessages = 0

vi.mock('#platform', async (importOriginal) => {
  const real = (await importOriginal()) as { platform: object }
  return {
    ...real,
    platform: {
      ...real.platform,
      startPowWorker: () => {
        const w = new Worker(SHIM, { eval: true })
        const post = w.postMessage.bind(w)
        w.postMessage = (m: { type?: string }) => {
          if (m.type === 'bound') boundMessages++
          post(m)
        }
        started.push(w)
        return w
      },
    },
  }
})

const { closePowPool, listPowJobs, minePowTx, warmPowPool } = await import('../../../../modules/faucet/pow.ts')

const priv = hexToBytes(faucet.globalPrivkey!)
const cond = makeCCcond1(0xe4, hexToBytes(faucet.globalPubkey))
const script = ccScript(cond)
const AMOUNT = 1_000_000_000
const request = (workers: number, maxTries = 1_000_000) => ({
  tx: newTx(
    [{ prevHash: sha256(Uint8Array.of(7)), prevIndex: 1, script: new Uint8Array(0), sequence: 0xffffffff }],
    [
      { value: AMOUNT - 10_010_000, script },
      { value: 10_000_000, script: p2pk(hexToBytes('03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc')) },
      { value: 0, script: opReturnScript(encodeFaucetGet(0)) },
    ],
    1, 200,
  ),
  inputs: [{ condition: cond, scriptCode: script, amount: AMOUNT }],
  privkey: priv, maxTries, workers, node: 'reader',
})

afterEach(async () => {
  await closePowPool()
  delete (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated
})

describe('the faucet proof-of-work in a browser worker', () => {
  it('finds the same 00…00 txid with shared memory and without it (finds forwarded by message)', { timeout: 120_000 }, async () => {
    const shared = await minePowTx(request(2))
    await closePowPool()
    ;(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated = false
    boundMessages = 0
    const unshared = await minePowTx(request(2))
    expect(shared && unshared).toBeTruthy()
    expect(txidOf(unshared!.raw)).toMatch(/^00[0-9a-f]{60}00$/)
    expect(txidOf(unshared!.raw)).toBe(txidOf(shared!.raw))
    expect(unshared!.nonce).toBe(shared!.nonce)
    // The first find told the sibling to stop past it.
    expect(boundMessages).toBeGreaterThanOrEqual(1)
    expect(started.length).toBeGreaterThanOrEqual(4)
  })

  it('starts and warms the workers ahead of a claim, which then runs on them to the same txid', { timeout: 120_000 }, async () => {
    ;(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated = false
    const cold = await minePowTx(request(2))
    await closePowPool()
    started.splice(0)
    warmPowPool(2)
    expect(started).toHaveLength(2)
    // Each runs a search of its own that no claim waits for (job id 0), to its end.
    const warmed = await Promise.all(started.map((w) => new Promise<number>((resolve) => {
      w.on('message', (m: { jobId: number; type: string; tries: number }) => { if (m.jobId === 0 && m.type === 'done') resolve(m.tries) })
    })))
    expect(Math.min(...warmed)).toBeGreaterThan(0)
    warmPowPool(2)
    expect(started).toHaveLength(2)
    const warm = await minePowTx(request(2))
    expect(started).toHaveLength(2)
    expect(txidOf(warm!.raw)).toBe(txidOf(cold!.raw))
    expect(listPowJobs()[0]).toMatchObject({ state: 'found', txid: txidOf(warm!.raw) })
  })

  it('gives up after maxTries on one worker, reporting every try', { timeout: 60_000 }, async () => {
    ;(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated = false
    expect(await minePowTx(request(1, 5000))).toBeNull()
    expect(listPowJobs()[0]).toMatchObject({ state: 'exhausted', tries: 5000, maxTries: 5000 })
  })
})
