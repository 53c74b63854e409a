/**
 * One JSON line per call. Params are logged only for methods the policy lets through, and even then
 * long strings are cut and anything shaped like a private key (WIF) is replaced: a refused call may
 * be someone pasting a key into importprivkey, and its params never reach a log.
 */
import pino from 'pino'
import type { Logger, DestinationStream } from 'pino'

export type { Logger }

const WIF = /^[5KLU][1-9A-HJ-NP-Za-km-z]{50,51}$/
const MAX_STRING = 96
const MAX_ITEMS = 16

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    if (WIF.test(value)) return '[redacted]'
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value
  }
  if (value === null || typeof value !== 'object') return value
  if (depth >= 3) return '[nested]'
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redactValue(v, depth + 1))
    if (value.length > MAX_ITEMS) items.push(`…(${value.length} items)`)
    return items
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value).slice(0, MAX_ITEMS)) out[k.slice(0, 32)] = redactValue(v, depth + 1)
  return out
}

/** Method names come from clients: keep them short and printable in logs. */
export function logMethod(method: unknown): string | undefined {
  if (typeof method !== 'string') return undefined
  return method.slice(0, 64).replace(/[^\x20-\x7e]/g, '?')
}

/** Log bytes gathered before one write to stdout, and the longest a line waits for company. */
const LOG_BATCH_BYTES = 4096
const LOG_FLUSH_MS = 250

/**
 * Default destination: stdout written asynchronously in batches of LOG_BATCH_BYTES (about fifteen
 * lines), so a busy gateway makes one write syscall per batch instead of one per call (that write
 * was ~7% of the relay's CPU per call); a quiet one still shows each line within LOG_FLUSH_MS.
 * `flush()` before exit.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const opts = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }
  if (destination) return pino(opts, destination)
  const stdout = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES })
  setInterval(() => {
    try {
      stdout.flush()
    } catch {
      // Destroyed at exit: nothing left to write.
    }
  }, LOG_FLUSH_MS).unref()
  return pino(opts, stdout)
}
