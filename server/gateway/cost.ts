/**
 * Which calls are heavy, read from the catalog: their work or their reply grows with the chain or
 * the wallet (the address index, block dumps, wallet-wide listings), or they burn CPU by design
 * (mining, CC transaction builders, wallet spends that select and sign inputs). Heavy calls wait
 * in their own lane, so a flood of them never delays a `getblockcount`. An unknown method is
 * cheap: the policy refuses it before it costs anything.
 */
import type { MethodSpec, SafetyClass } from '../../protocol/catalog.ts'
import { getMethod } from '../../modules/catalog.ts'

const HEAVY_SAFETY: readonly SafetyClass[] = ['mining', 'cc-build', 'spend']

export function isHeavySpec(spec: MethodSpec): boolean {
  return spec.category === 'addressindex' || HEAVY_SAFETY.includes(spec.safety) || spec.heavy === true
}

export function isHeavyMethod(method: string): boolean {
  const spec = getMethod(method)
  return spec !== undefined && isHeavySpec(spec)
}

/** A cheap call that only reads chain state, so sending it twice changes nothing (coalesce.ts). */
export function isRepeatableMethod(method: string): boolean {
  const spec = getMethod(method)
  return spec !== undefined && (spec.safety === 'read' || spec.safety === 'cc-info') && !isHeavySpec(spec)
}

/**
 * An address-index call that lists one address more than once. komodod (src/rpc/misc.cpp,
 * getAddressesFromParams) answers each listed entry, so a 64 KB body naming the miner's address
 * 1,800 times asks for its whole index 1,800 times over: built whole before any cap can cut it,
 * that is minutes of work and gigabytes. Distinct addresses cannot ask for more than the index holds.
 */
export function repeatsAnAddress(method: string, params: readonly unknown[]): boolean {
  if (getMethod(method)?.category !== 'addressindex') return false
  const p0 = params[0]
  const list = p0 && typeof p0 === 'object' && !Array.isArray(p0) ? (p0 as { addresses?: unknown }).addresses : undefined
  if (!Array.isArray(list) || list.length < 2) return false
  return new Set(list.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))).size < list.length
}

/**
 * How long the gateway waits for a method's reply: the configured limit, or the method's own wait
 * from the catalog when that is longer (faucetget's proof-of-work), so the gateway never cuts a call
 * its caller is still waiting for.
 */
export function upstreamTimeoutFor(method: string, configuredMs: number): number {
  return Math.max(configuredMs, getMethod(method)?.timeoutMs ?? 0)
}
