/**
 * komodod prints coin amounts with exactly 8 decimals (`10.16429765`, `0.00000000`), which
 * JSON.stringify cannot do. Handlers return `Amount` objects; `serializeReply` prints them
 * verbatim. In-process callers see `Amount` (a number via valueOf/toJSON).
 */
import { platform } from '#platform'
import { toHex } from '../crypto/hash.ts'

const COIN = 100_000_000

// A control character JSON.stringify escapes, plus a per-process secret nonce: a string from a
// caller cannot forge a marker because the nonce never appears in any output. Drawn on first use,
// never at module load: `npm run chain` starts from a startup snapshot of the evaluated modules
// (server/chain/snapshotEntry.cjs), which would otherwise give every start the same nonce, and keep
// it in a file.
let marker: { mark: string; re: RegExp } | undefined
function markers(): { mark: string; re: RegExp } {
  if (!marker) {
    const nonce = toHex(platform.randomBytes(8))
    marker = { mark: `\u0001${nonce}`, re: new RegExp(`"\\\\u0001${nonce}(-?\\d+\\.\\d{8})"`, 'g') }
  }
  return marker
}

export class Amount {
  constructor(readonly sats: number) {}

  static coins(c: number): Amount {
    return new Amount(Math.round(c * COIN))
  }

  /** "10.16429765" */
  toFixed8(): string {
    const neg = this.sats < 0
    const abs = Math.abs(this.sats)
    const whole = Math.floor(abs / COIN)
    const frac = String(abs % COIN).padStart(8, '0')
    return `${neg ? '-' : ''}${whole}.${frac}`
  }

  valueOf(): number {
    return this.sats / COIN
  }

  toJSON(): number {
    return this.sats / COIN
  }
}

export const amt = (sats: number): Amount => new Amount(sats)

/** JSON text of a reply (or any value) with every Amount printed as komodod does. */
export function serializeReply(reply: unknown): string {
  const { mark, re } = markers()
  const text = JSON.stringify(reply, function (this: Record<string, unknown>, key: string, value: unknown) {
    const orig = this[key]
    if (orig instanceof Amount) return mark + orig.toFixed8()
    return value
  })
  return text === undefined ? 'null' : text.replace(re, '$1')
}
