/** Types for codeCache.mjs (plain JS so it runs before any TypeScript loader). */
export declare function runWithCodeCache(file: string): { exports: Record<string, unknown>; cached: boolean; save: () => void }
