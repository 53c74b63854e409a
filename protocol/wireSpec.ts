/**
 * The part of a method's spec a client needs on the wire: its params' names, JSON types, optionality and formats
 * (to check a call before sending it), how long to wait for it, and whether it answers soft errors (to read its
 * reply). Summaries, examples
 * and result shapes are for forms and reference pages. A page's first load carries komodod's core methods in
 * this packed form (about a fifth of their full specs); forms get full specs with their page's data.
 */
import type { MethodSpec, ParamSpec } from './methodSpec.ts'

export type WireParam = Pick<ParamSpec, 'name' | 'type' | 'optional' | 'format'>

export interface WireSpec {
  name: string
  params: readonly WireParam[]
  softErrors?: boolean
  timeoutMs?: number
}

type PackedParam = [name: string, type: WireParam['type'], optional: 0 | 1, format: NonNullable<WireParam['format']> | '']
type PackedSpec = [name: string, params: PackedParam[], softErrors: 0 | 1, timeoutMs: number]

/** Specs packed as a JSON text of arrays: no key repeated per method and param. */
export const packWireSpecs = (methods: readonly MethodSpec[]): string =>
  JSON.stringify(methods.map((m): PackedSpec => [m.name, m.params.map((p): PackedParam => [p.name, p.type, p.optional ? 1 : 0, p.format ?? '']), m.softErrors ? 1 : 0, m.timeoutMs ?? 0]))

export function unpackWireSpecs(packed: string): Map<string, WireSpec> {
  const out = new Map<string, WireSpec>()
  for (const [name, params, soft, timeoutMs] of JSON.parse(packed) as PackedSpec[]) {
    out.set(name, {
      name,
      params: params.map(([pName, type, optional, format]) => ({ name: pName, type, ...(optional ? { optional: true } : {}), ...(format ? { format } : {}) })),
      ...(soft ? { softErrors: true } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    })
  }
  return out
}
