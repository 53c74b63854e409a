/** Types for bundle.mjs (plain JS so it runs before any TypeScript loader). */
export declare function bundleIsFresh(outFile: string, entry?: string): boolean
export declare function ensureBundle(opts: { entry: string; outFile: string; root: string; format?: 'esm' | 'cjs' }): Promise<string>
export declare const ROOT: string
