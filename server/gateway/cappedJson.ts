/**
 * komodod's wire text of a devchain reply, printed piece by piece under a byte cap. The devchain's
 * `serializeReply` prints a whole value at once: for a 20 MB address index that is seconds of one
 * uninterrupted task and the whole string in memory before anyone can say it is too large. Here an
 * array or object is printed one element at a time, the printing stops as soon as the text passes
 * the cap, and the event loop gets a turn every few milliseconds so cheap calls keep flowing.
 * The bytes printed are taken from the gateway's budget of bytes in flight as they are printed (in
 * steps of BUDGET_STEP), so the budget holds while a reply is being built, not only once it exists.
 * The text is identical to `serializeReply`'s (test/unit/gateway/cappedJson.test.ts checks it).
 */
import { Amount, serializeReply } from '../../devchain/index.ts'
import type { ByteBudget } from './budget.ts'
import { ReplyCut } from './budget.ts'

/** Elements are printed whole below this depth (an element is small: one utxo, one tx). */
const SPLIT_DEPTH = 3
/**
 * Longest stretch of printing between two turns of the event loop: as short as the devchain's
 * index walks (devchain/rpc/methods/address.ts), which are the other half of a heavy call.
 */
const SLICE_MS = 2
/** Bytes taken from the budget at a time while printing. */
const BUDGET_STEP = 64 * 1024

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !(v instanceof Amount) && typeof (v as { toJSON?: unknown }).toJSON !== 'function'

const isFlat = (v: Record<string, unknown>): boolean => {
  for (const k in v) {
    const x = v[k]
    if (x !== null && typeof x === 'object') return false
  }
  return true
}

/**
 * One value printed whole. Primitives and objects whose values are all primitives print natively,
 * far faster than with serializeReply's replacer (which only matters for Amount values).
 */
function printLeaf(v: unknown): string {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return JSON.stringify(v)
  if (isPlain(v) && !Array.isArray(v) && isFlat(v)) return JSON.stringify(v)
  return serializeReply(v)
}

/** Whether print() would split `v` into pieces (only plain containers above SPLIT_DEPTH that are not flat). */
const splits = (v: unknown, depth: number): boolean =>
  depth < SPLIT_DEPTH && isPlain(v) && (Array.isArray(v) || !isFlat(v))

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

/**
 * The reply's text and the budget bytes it holds (its exact UTF-8 length), or null once the text
 * passes `cap` bytes (the rest is never printed; short ASCII pieces count by length). Throws
 * ReplyCut('budget') when the budget cannot hold what is printed; on null or a throw, nothing of
 * the budget is kept.
 */
export async function printCapped(value: unknown, cap: number, budget: ByteBudget): Promise<{ text: string; reserved: number } | null> {
  const parts: string[] = []
  let size = 0
  let taken = 0
  let sliceStart = performance.now()
  const add = (s: string): boolean => {
    size += s.length < 64 ? s.length : Buffer.byteLength(s)
    if (size > cap) return false
    if (size > taken) {
      // A step ahead when the budget has room for it, else just what this piece needs.
      const step = Math.min(Math.max(size - taken, BUDGET_STEP), cap - taken)
      if (budget.take(step)) taken += step
      else if (budget.take(size - taken)) taken = size
      else throw new ReplyCut('budget')
    }
    parts.push(s)
    return true
  }
  /** A turn of the event loop once this stretch of printing has run SLICE_MS. */
  const breathe = async (): Promise<void> => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((r) => setImmediate(r))
      sliceStart = performance.now()
    }
  }
  // Only containers that split are awaited; an element printed whole costs no promise.
  const piece = (v: unknown, depth: number): boolean | Promise<boolean> => (splits(v, depth) ? print(v, depth) : add(printLeaf(v)))
  const print = async (v: unknown, depth: number): Promise<boolean> => {
    if (Array.isArray(v)) {
      if (!add('[')) return false
      for (let i = 0; i < v.length; i++) {
        if (i > 0 && !add(',')) return false
        if (!(await piece(skipped(v[i]) ? null : v[i], depth + 1))) return false
        await breathe()
      }
      return add(']')
    }
    const o = v as Record<string, unknown>
    if (!add('{')) return false
    let first = true
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k) || skipped(o[k])) continue
      if (!add(`${first ? '' : ','}${JSON.stringify(k)}:`)) return false
      first = false
      if (!(await piece(o[k], depth + 1))) return false
      await breathe()
    }
    return add('}')
  }
  let whole: boolean
  try {
    whole = await piece(value, 0)
  } catch (e) {
    budget.give(taken)
    throw e
  }
  if (!whole) {
    budget.give(taken)
    return null
  }
  const text = parts.join('')
  // Non-ASCII in short pieces was counted by length: settle on the exact byte length.
  const exact = Buffer.byteLength(text)
  if (exact > taken && !budget.take(exact - taken)) {
    budget.give(taken)
    throw new ReplyCut('budget')
  }
  if (exact < taken) budget.give(taken - exact)
  return { text, reserved: exact }
}
