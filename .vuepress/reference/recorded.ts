import fs from 'node:fs'
import path from 'node:path'

/**
 * A response recorded from komodod, served as a static file at `/recorded/<method>.json` (from
 * `.vuepress/public/recorded/`). Long JSON stays out of the page chunks this way: a page only names
 * the method, and the browser fetches the file when a reader opens it (RecordedResponse, or RpcCall
 * when no chain answers).
 */
export interface RecordedFile {
  method: string
  /** Always true: tells a reader this is not their chain's answer. */
  recorded: true
  /** Where it was recorded, e.g. "komodod, developer-docs smart-chain-api-basics.md". */
  source: string
  /** How the shape compares to the current daemon, when known. */
  note?: string
  request: { method: string; params: unknown[] }
  result: unknown
}

/** Folder, relative to the public dir, holding one JSON file per recorded method. */
export const RECORDED_DIR = 'recorded'

/** Methods that have a recorded response in `<publicDir>/recorded/`. */
export function recordedMethods(publicDir: string): Set<string> {
  const dir = path.join(publicDir, RECORDED_DIR)
  if (!fs.existsSync(dir)) return new Set()
  return new Set(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)))
}
