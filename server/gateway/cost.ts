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
