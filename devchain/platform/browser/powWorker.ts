/**
 * The browser's faucet proof-of-work workers: module Web Workers started from the in-page chain's
 * worker (nested dedicated workers), running modules/faucet/powWorkerBrowser.mjs, seen through the
 * `PowWorker` shape the search pool uses (Node's worker_threads API). The Node platform names its
 * worker file by path the same way (../node/index.ts); the engine imports nothing of the module.
 */
import type { PowWorker } from '../types.ts'

type Event = 'message' | 'error' | 'exit'
type Listener = (arg: never) => void

/** Wraps a Web Worker in the worker_threads shape: `on('message', fn)` gets the data, `exit` fires on terminate. */
export function asPowWorker(worker: Worker): PowWorker {
  const listeners = new Map<Event, Set<Listener>>([['message', new Set()], ['error', new Set()], ['exit', new Set()]])
  const emit = (event: Event, arg: unknown): void => {
    for (const fn of [...listeners.get(event)!]) (fn as (a: unknown) => void)(arg)
  }
  worker.addEventListener('message', (e: MessageEvent) => emit('message', e.data))
  worker.addEventListener('error', (e: ErrorEvent) => {
    e.preventDefault()
    emit('error', new Error(`pow worker failed: ${e.message || 'could not load'}`))
  })
  worker.addEventListener('messageerror', () => emit('error', new Error('pow worker: a message could not be read')))
  return {
    postMessage: (message) => worker.postMessage(message),
    on(event, fn) {
      listeners.get(event)!.add(fn)
      return this
    },
    off(event, fn) {
      listeners.get(event)!.delete(fn)
      return this
    },
    // A page has no event loop to keep alive.
    ref: () => undefined,
    unref: () => undefined,
    async terminate() {
      worker.terminate()
      emit('exit', 1)
      return 1
    },
  }
}

/** A new search worker; null where this context cannot start workers (Node running the browser platform's tests). */
export function startBrowserPowWorker(): PowWorker | null {
  if (typeof Worker === 'undefined') return null
  return asPowWorker(new Worker(new URL('../../../modules/faucet/powWorkerBrowser.mjs', import.meta.url), { type: 'module', name: 'kj-faucet-pow' }))
}
