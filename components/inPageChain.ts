/**
 * The page's side of the in-page chain. The site's client entry registers how to start the worker
 * (`new Worker(new URL(...))` must sit where the bundler sees it); the worker and the engine it
 * carries load only when the first call needs them, never with the page.
 *
 * One worker per page; the chain itself is one per browser profile (its storage), whatever the tabs.
 */
import { messageTransport, type MessageTransport } from '../protocol/transport.ts'

let factory: (() => Worker) | null = null
let script: string | null = null
let transport: MessageTransport | null = null
const startFns = new Set<() => void>()

/** Whether the worker runs (a call needed it). Until then nothing should start it just to show a height. */
export function inPageStarted(): boolean {
  return transport !== null
}

/** Called once the worker has started; returns an unsubscribe. */
export function onInPageStart(fn: () => void): () => void {
  startFns.add(fn)
  return () => startFns.delete(fn)
}

/** How to start the worker, and the URL of its script (for an idle prefetch, inPagePrefetch.ts). */
export function setInPageWorkerFactory(make: (() => Worker) | null, scriptUrl: string | null = null): void {
  factory = make
  script = make ? scriptUrl : null
  transport = null
}

/** The worker's script, where the site said which it is. */
export function inPageWorkerScript(): string | null {
  return script
}

/** Whether this browser can run the in-page chain (a Worker, and a site that ships one). */
export function inPageAvailable(): boolean {
  return factory !== null && typeof Worker !== 'undefined'
}

/** `?seed=<text>` of the page: a deterministic in-page chain (tests, screenshots). */
export function seedFromQuery(search: string): string | null {
  const s = new URLSearchParams(search).get('seed')
  return s && s.length <= 200 ? s : null
}

/** The transport to the in-page chain, starting the worker on first use. */
export function inPageTransport(): MessageTransport {
  if (transport) return transport
  if (!factory) throw new Error('no in-page chain on this site')
  const worker = factory()
  const t = messageTransport(worker)
  const seed = typeof location === 'undefined' ? null : seedFromQuery(location.search)
  // The first message opens the chain; later messages queue behind it in the worker.
  const opened = t.control('open', { seed })
  transport = t
  void opened.then(() => {
    for (const fn of startFns) fn()
  }, () => undefined)
  return t
}
