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
 * True when `outFile` exists and was built from inputs that are all unchanged, and, given `entry`, from that
 * entry: checkouts that share one node_modules (worktrees, a symlink) share its cache, and each must run its own
 * sources, not the other's unchanged ones.
 * @param {string} outFile
 * @param {string} [entry]
 */
function bundleIsFresh(outFile, entry) {
  try {
    statSync(outFile)
    /** @type {{ entry?: string, inputs: Record<string, string> }} */
    const stamp = JSON.parse(readFileSync(`${outFile}.inputs.json`, 'utf8'))
    if (entry !== undefined && stamp.entry !== entry) return false
    for (const [file, fp] of Object.entries(stamp.inputs)) if (fingerprint(file) !== fp) return false
    return Object.keys(stamp.inputs).length > 0
  } catch {
    return false
  }
}

/** The repository root (this file lives in server/chain/), with a trailing separator. */
const ROOT = join(__dirname, '../../')

module.exports = { fingerprint, bundleIsFresh, ROOT }
