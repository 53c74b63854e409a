/**
 * The browser platform's proof-of-work worker seen through the worker_threads shape the search
 * pool uses (devchain/platform/browser/powWorker.ts): data unwrapped, errors as Errors, listeners
 * removable, `exit` on terminate, and no worker where the context cannot start one.
 */
import { describe, expect, it } from 'vitest'
import { asPowWorker, startBrowserPowWorker } from '../../../../../devchain/platform/browser/powWorker.ts'

class FakeWorker extends EventTarget {
  sent: unknown[] = []
  terminated = false
  postMessage(m: unknown): void {
    this.sent.push(m)
  }
  terminate(): void {
    this.terminated = true
  }
}

describe('asPowWorker', () => {
  it('passes messages both ways, words errors, and fires exit on terminate', async () => {
    const fake = new FakeWorker()
    const w = asPowWorker(fake as unknown as Worker)
    const got: unknown[] = []
    const errors: Error[] = []
    const exits: number[] = []
    const onMessage = (m: never) => got.push(m)
    w.on('message', onMessage)
    w.on('error', (e: never) => errors.push(e))
    w.on('exit', (c: never) => exits.push(c))
    w.postMessage({ jobId: 1 })
    expect(fake.sent).toEqual([{ jobId: 1 }])
    fake.dispatchEvent(new MessageEvent('message', { data: { type: 'progress', tries: 2048 } }))
    expect(got).toEqual([{ type: 'progress', tries: 2048 }])
    w.off('message', onMessage)
    fake.dispatchEvent(new MessageEvent('message', { data: { type: 'done' } }))
    expect(got).toHaveLength(1)
    const err = Object.assign(new Event('error', { cancelable: true }), { message: 'boom' })
    fake.dispatchEvent(err)
    expect(errors.map((e) => e.message)).toEqual(['pow worker failed: boom'])
    expect(err.defaultPrevented).toBe(true)
    await w.terminate()
    expect(fake.terminated).toBe(true)
    expect(exits).toEqual([1])
  })

  it('starts no worker where there is no Worker (Node)', () => {
    expect(typeof Worker).toBe('undefined')
    expect(startBrowserPowWorker()).toBeNull()
  })
})
