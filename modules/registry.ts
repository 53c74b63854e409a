/**
 * The registered modules as one list, and what the site derives from it in one place: lookups by
 * id and eval code, and the English UI strings of every module (typed, so a panel's `t.faucet.fund`
 * is checked). Specs only: a page importing this pulls no engine code.
 */
import type { ModuleSpec } from '../protocol/module.ts'
import * as registered from './index.ts'

type Registered = (typeof registered)[keyof typeof registered]
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

/** Every registered module, in id order. */
export const MODULES: readonly ModuleSpec[] = Object.values(registered).sort((a, b) => a.id.localeCompare(b.id))

export const moduleById = (id: string): ModuleSpec | undefined => MODULES.find((m) => m.id === id)
export const moduleByEval = (evalCode: number): ModuleSpec | undefined => MODULES.find((m) => m.evalCode === evalCode)

/** The modules' English UI strings, merged (each module owns its top-level keys). */
export type ModuleStrings = UnionToIntersection<Registered['strings']>
export const MODULE_STRINGS = Object.assign({}, ...MODULES.map((m) => m.strings)) as ModuleStrings
