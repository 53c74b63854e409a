/**
 * Recorded replies for pages served without a chain. Journey replies recorded from a devchain
 * with a fixed seed live beside this file (a module's in `modules/<id>/recorded/`), one JSON module per method, imported on demand; any
 * other method falls back to the site's `/recorded/<method>.json` (komodod replies from the
 * reference fixtures). Neither is ever part of a page chunk.
 */
import { withBase } from 'vuepress/client'

export interface RecordedReply {
  method: string
  params?: unknown[]
  result: unknown
  /** Where the reply came from. */
  source: string
}

// A module's recorded replies live in its folder (modules/<id>/recorded/); method names are unique.
const globbed = import.meta.glob<{ default: RecordedReply }>(['./*.json', '../../modules/*/recorded/*.json'])
const files = Object.fromEntries(Object.entries(globbed).map(([path, load]) => [`./${path.slice(path.lastIndexOf('/') + 1)}`, load]))

export async function loadRecorded(method: string, fetchImpl: typeof fetch = (i, o) => globalThis.fetch(i, o)): Promise<RecordedReply | null> {
  const local = files[`./${method}.json`]
  if (local) return (await local()).default
  try {
    const res = await fetchImpl(withBase(`/recorded/${encodeURIComponent(method)}.json`))
    if (!res.ok) return null
    const body = JSON.parse(await res.text()) as Partial<RecordedReply>
    return body && 'result' in body ? { method, result: body.result, source: String(body.source ?? '') } : null
  } catch {
    return null
  }
}

export const recordedMethods = (): string[] => Object.keys(files).map((f) => f.slice(2, -5))
