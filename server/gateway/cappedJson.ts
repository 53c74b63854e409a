/**
 * komodod's wire text of a devchain reply, printed piece by piece under a byte cap. The devchain's
 * `serializeReply` prints a whole value at once: for a 20 MB address index that is seconds of one
 * uninterrupted task and the whole string in memory before anyone can say it is too large. Here an
 * array or object is printed one element at a time, the printing stops as soon as the text passes
 * the cap, and the event loop gets a turn every few milliseconds so cheap calls keep flowing.
 * The text is identical to `serializeReply`'s (test/unit/gateway/cappedJson.test.ts checks it).
 */
import { Amount, serializeReply } from '../../devchain/index.ts'

/** Elements are printed whole below this depth (an element is small: one utxo, one tx). */
const SPLIT_DEPTH = 3
/** Longest stretch of printing between two turns of the event loop. */
const SLICE_MS = 8

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !(v instanceof Amount) && typeof (v as { toJSON?: unknown }).toJSON !== 'function'

/** An object whose values are all primitives prints natively, far faster than with a replacer. */
function printLeaf(v: unknown): string {
  if (isPlain(v) && !Array.isArray(v)) {
    let flat = true
    for (const k in v) {
      const x = v[k]
      if (x !== null && typeof x === 'object') {
        flat = false
        break
      }
    }
    if (flat) return JSON.stringify(v)
  }
  return serializeReply(v)
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

/** The reply's text, or null once it passes `cap` bytes (the rest is never printed; short ASCII pieces count by length). */
export async function printCapped(value: unknown, cap: number): Promise<string | null> {
  const parts: string[] = []
  let size = 0
  let sliceStart = performance.now()
  const add = async (s: string): Promise<boolean> => {
    size += s.length < 64 ? s.length : Buffer.byteLength(s)
    if (size > cap) return false
    parts.push(s)
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((r) => setImmediate(r))
      sliceStart = performance.now()
    }
    return true
  }
  const print = async (v: unknown, depth: number): Promise<boolean> => {
    if (depth >= SPLIT_DEPTH || !isPlain(v)) return add(printLeaf(v))
    if (Array.isArray(v)) {
      if (!(await add('['))) return false
      for (let i = 0; i < v.length; i++) {
        if (i > 0 && !(await add(','))) return false
        if (!(await print(skipped(v[i]) ? null : v[i], depth + 1))) return false
      }
      return add(']')
    }
    if (!(await add('{'))) return false
    let first = true
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k) || skipped(v[k])) continue
      if (!(await add(`${first ? '' : ','}${JSON.stringify(k)}:`))) return false
      first = false
      if (!(await print(v[k], depth + 1))) return false
    }
    return add('}')
  }
  return (await print(value, 0)) ? parts.join('') : null
}
