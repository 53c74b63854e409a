// Whether the chain's cached bundle is still the build of its sources: the check every start makes,
// before anything else. CommonJS so launch.cjs reaches it without Node's ES module loader (bundle.mjs,
// which builds, is loaded only when this says the bundle is stale).
'use strict'
const { readFileSync, statSync } = require('node:fs')
const { join } = require('node:path')

/** @param {string} file */
function fingerprint(file) {
  const s = statSync(file)
  return `${s.size}:${s.mtimeMs}`
}

/**
 * True when `outFile` exists and was built from inputs that are all unchanged.
 * @param {string} outFile
 */
function bundleIsFresh(outFile) {
  try {
    statSync(outFile)
    /** @type {{ inputs: Record<string, string> }} */
    const stamp = JSON.parse(readFileSync(`${outFile}.inputs.json`, 'utf8'))
    for (const [file, fp] of Object.entries(stamp.inputs)) if (fingerprint(file) !== fp) return false
    return Object.keys(stamp.inputs).length > 0
  } catch {
    return false
  }
}

/** The repository root (this file lives in server/chain/), with a trailing separator. */
const ROOT = join(__dirname, '../../')

module.exports = { fingerprint, bundleIsFresh, ROOT }
