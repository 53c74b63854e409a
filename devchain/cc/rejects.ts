/**
 * komodod refuses a CC transaction with a generic script failure; the module's own reason only
 * reaches its debug.log. The devchain keeps the last few reasons so tests and the site can explain.
 */
export interface CCReject {
  txid: string
  module: string
  reason: string
}

const recent: CCReject[] = []
const KEEP = 20

export function recordReject(r: CCReject): void {
  recent.push(r)
  if (recent.length > KEEP) recent.splice(0, recent.length - KEEP)
}

/** Newest last. */
export function recentRejects(): CCReject[] {
  return [...recent]
}
