/**
 * The site's method catalog: komodod's core methods (protocol/catalog.ts) and every registered
 * module's entries. The gateway profiles, the forms, the client's checks, the reference pages and the
 * search index all read this one.
 */
import { CORE_METHODS, createCatalog, type Category, type MethodSpec } from '../protocol/catalog.ts'
import { MODULES } from './registry.ts'

export const CATALOG = createCatalog([...CORE_METHODS, ...MODULES.flatMap((m) => m.methods)])
export const METHODS: readonly MethodSpec[] = CATALOG.methods
export const CATEGORIES: readonly Category[] = CATALOG.categories
export const getMethod = (name: string): MethodSpec | undefined => CATALOG.get(name)
