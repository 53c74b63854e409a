/** Types for codeCache.mjs (codeCache.cjs re-exported; plain JS so it runs before any TypeScript loader). */
export declare function runWithCodeCache(file: string): { exports: Record<string, unknown>; cached: boolean; save: () => void }
