// codeCache.cjs for ES importers (tests); the launcher requires the CommonJS file itself.
export { runWithCodeCache } from './codeCache.cjs'
