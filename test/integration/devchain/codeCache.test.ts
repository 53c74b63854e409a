/**
 * server/chain/codeCache.mjs: the chain's bundle compiles through V8's code cache once a start wrote
 * it, and a cache made from another bundle is never used, even when both have the same length.
 */
import { describe, it, expect, afterEach } from 'vitest'
import { existsSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runWithCodeCache } from '../../../server/chain/codeCache.mjs'
import { cleanUp, tempDir } from './spawnChain.ts'

afterEach(cleanUp)

describe('runWithCodeCache', () => {
  it('writes the cache on save, compiles from it next time, and ignores it once the bundle changed', () => {
    const file = join(tempDir(), 'bundle.cjs')
    writeFileSync(file, 'exports.value = require("node:path").basename(__filename) + ":1"\n')
    const first = runWithCodeCache(file)
    expect(first.exports.value).toBe('bundle.cjs:1')
    expect(first.cached).toBe(false)
    expect(existsSync(`${file}.v8cache`)).toBe(false)
    first.save()
    expect(existsSync(`${file}.v8cache`)).toBe(true)

    const second = runWithCodeCache(file)
    expect(second.cached).toBe(true)
    expect(second.exports.value).toBe('bundle.cjs:1')

    // Same length, other code: V8 alone would take the old cache; the header's stamp refuses it.
    writeFileSync(file, 'exports.value = require("node:path").basename(__filename) + ":2"\n')
    const later = new Date(Date.now() + 5_000)
    utimesSync(file, later, later)
    const third = runWithCodeCache(file)
    expect(third.cached).toBe(false)
    expect(third.exports.value).toBe('bundle.cjs:2')
  })

  it('starts without a cache when the cache file is damaged', () => {
    const file = join(tempDir(), 'bundle.cjs')
    writeFileSync(file, 'exports.value = 42\n')
    writeFileSync(`${file}.v8cache`, 'garbage')
    const run = runWithCodeCache(file)
    expect(run.cached).toBe(false)
    expect(run.exports.value).toBe(42)
  })
})
