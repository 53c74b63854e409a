// Runs a CommonJS bundle through V8's code cache, which Node 20 offers no other way (its ES module
// loader has none, and module.enableCompileCache() arrived in Node 22). A start with a usable cache
// skips parsing and compiling the functions the last start ran; one without writes the cache when the
// caller says the start is done, so the next start has it.
//
// The cache file begins with a header naming the bundle it was made from (size and mtime): V8 itself
// only checks the source's length, so a rebuilt bundle of the same length must never meet an old cache.
// Plain JS because it runs before any TypeScript loader exists; CommonJS so launch.cjs starts without
// Node's ES module loader (codeCache.mjs re-exports it for ES importers).
'use strict'
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname } = require('node:path')
const { Script } = require('node:vm')

/** @param {string} file */
const bundleKey = (file) => {
  const s = statSync(file)
  return `${s.size}:${s.mtimeMs}:${process.version}:${process.arch}`
}

/**
 * The cache's bytes when it was made from this very bundle, else undefined.
 * @param {string} cacheFile
 * @param {string} key
 */
function readCache(cacheFile, key) {
  try {
    const bytes = readFileSync(cacheFile)
    const headerLength = bytes.readUInt16LE(0)
    if (bytes.toString('utf8', 2, 2 + headerLength) !== key) return undefined
    return bytes.subarray(2 + headerLength)
  } catch {
    return undefined
  }
}

/**
 * Evaluates `file` (CommonJS) and returns its exports, with `save()`: writes the code cache if this
 * start had none (or V8 refused it); call it once the functions worth caching have run.
 * @param {string} file
 * `cached`: whether this start compiled from the cache.
 * @returns {{ exports: any, cached: boolean, save: () => void }}
 */
function runWithCodeCache(file) {
  const cacheFile = `${file}.v8cache`
  const key = bundleKey(file)
  const cachedData = readCache(cacheFile, key)
  const source = readFileSync(file, 'utf8')
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData })
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file))
  const cached = cachedData !== undefined && !script.cachedDataRejected
  let saved = cached
  const save = () => {
    if (saved) return
    saved = true
    try {
      const header = Buffer.from(key, 'utf8')
      const length = Buffer.alloc(2)
      length.writeUInt16LE(header.length)
      const tmp = `${cacheFile}.${process.pid}.tmp`
      writeFileSync(tmp, Buffer.concat([length, header, script.createCachedData()]))
      renameSync(tmp, cacheFile)
    } catch {
      // A read-only cache directory: every start compiles, as it did before the cache.
    }
  }
  return { exports: module.exports, cached, save }
}

module.exports = { runWithCodeCache }
