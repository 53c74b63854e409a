/**
 * Recorded replies for pages where no chain can answer (no Worker support, the server render).
 * Journey replies recorded from a devchain with a fixed seed live beside this file (a module's in
 * `modules/<id>/recorded/`), one JSON module per method, imported on demand: one recording, or an
 * array of them when the method was recorded with several params or on both nodes
 * (scripts/record-responses.ts). Any other method falls back to the site's `/recorded/<method>.json`
 * (komodod replies from the reference fixtures). Neither is ever part of a page chunk.
 *
 * A reply is looked up by method, node and params; when none was recorded with the call's params the
 * closest stands in (same node first), marked `exact: false` so the page says so.
 */

/** What a reply was recorded from, for its label in the reader's language. */
export type RecordedOrigin =
  | { kind: 'devchain'; seed: string; node: string }
  | { kind: 'komodod'; detail: string }
  | { kind: 'unknown'; detail: string }

interface RecordedEntry {
  method: string
  node?: string
  params?: unknown[]
  result: unknown
  source: string
}

export interface RecordedReply extends RecordedEntry {
  origin: RecordedOrigin
  /** Whether it was recorded with the same params (and node) as the call it stands in for. */
  exact: boolean
}

// A module's recorded replies live in its folder (modules/<id>/recorded/); method names are unique.
const globbed = import.meta.glob<{ default: RecordedEntry | RecordedEntry[] }>(['./*.json', '../../modules/*/recorded/*.json'])
const files = Object.fromEntries(Object.entries(globbed).map(([path, load]) => [`./${path.slice(path.lastIndexOf('/') + 1)}`, load]))

/** `devchain, seed "<seed>", node <node>` (our recorder) or `komodod, <where>` (the reference fixtures). */
export function originOf(source: string): RecordedOrigin {
  const dev = /^devchain, seed "(.*)", node (\S+)$/.exec(source)
  if (dev) return { kind: 'devchain', seed: dev[1], node: dev[2] }
  if (source.startsWith('komodod')) return { kind: 'komodod', detail: source.replace(/^komodod,?\s*/, '') }
  return { kind: 'unknown', detail: source }
}

const trimmed = (params: readonly unknown[]): unknown[] => {
  let end = params.length
  while (end > 0 && params[end - 1] === undefined) end--
  return params.slice(0, end)
}

/** The recording made with these params on this node, else the first on this node, else the first. */
export function pickRecorded(entries: readonly RecordedEntry[], params: readonly unknown[], node = 'miner'): RecordedReply | null {
  const want = JSON.stringify(trimmed(params))
  const sameParams = (e: RecordedEntry) => JSON.stringify(e.params ?? []) === want
  const sameNode = (e: RecordedEntry) => (e.node ?? 'miner') === node
  const exact = entries.find((e) => sameParams(e) && sameNode(e)) ?? entries.find(sameParams)
  const entry = exact ?? entries.find(sameNode) ?? entries[0]
  return entry ? { ...entry, origin: originOf(entry.source), exact: !!exact } : null
}

/**
 * Where the site's own recordings are fetched from. The page passes its `withBase`: this module imports nothing
 * of VuePress, which would make the bundler split Vue and the VuePress client out of the main chunk (this chunk
 * is loaded on demand by a chunk that the main one loads on demand).
 */
export interface RecordedSource {
  fetch?: typeof fetch
  url?: (path: string) => string
}

export async function loadRecorded(
  method: string,
  params: readonly unknown[] = [],
  node?: string,
  { fetch: fetchImpl = (i, o) => globalThis.fetch(i, o), url = (path) => path }: RecordedSource = {},
): Promise<RecordedReply | null> {
  const local = files[`./${method}.json`]
  if (local) {
    const body = (await local()).default
    return pickRecorded(Array.isArray(body) ? body : [body], params, node)
  }
  try {
    const res = await fetchImpl(url(`/recorded/${encodeURIComponent(method)}.json`))
    if (!res.ok) return null
    const body = JSON.parse(await res.text()) as { result?: unknown; source?: unknown; request?: { params?: unknown[] } } | null
    if (!body || !('result' in body)) return null
    return pickRecorded([{ method, params: body.request?.params ?? [], result: body.result, source: String(body.source ?? '') }], params, node)
  } catch {
    return null
  }
}

export const recordedMethods = (): string[] => Object.keys(files).map((f) => f.slice(2, -5))
