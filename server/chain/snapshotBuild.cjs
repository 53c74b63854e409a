// Builds Node's startup snapshot of the chain (snapshotEntry.cjs) beside its bundle, in a process of
// its own, so the chain that asked for it goes on answering and may even exit meanwhile.
//
// Only a chain started by chain.sh asks (it says which Node and V8 flags it runs with, and a blob
// only loads into that same Node with those same flags). The blob is written under a temporary name
// and renamed, then its key file (what chain.sh compares before it uses the blob); a lock file keeps
// the chains a test suite starts at once from building it side by side.
'use strict'
const { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')

/** A lock older than this was left by a builder that died: taken over. */
const STALE_LOCK_MS = 120_000

/** @param {string} bundle */
const blobOf = (bundle) => bundle.replace(/\.cjs$/, '.blob')

/** @param {string} lock */
function takeLock(lock) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(lock, 'wx'))
      return true
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) return false
        rmSync(lock, { force: true })
      } catch {
        // Gone meanwhile: try again.
      }
    }
  }
  return false
}

/**
 * Starts the build in the background unless chain.sh did not start this chain, or another build runs.
 * @param {string} bundle
 */
function buildInBackground(bundle) {
  const flags = process.env.DEVCHAIN_NODE_FLAGS
  if (!process.env.DEVCHAIN_SNAPSHOT_KEY || flags === undefined || process.env.DEVCHAIN_SNAPSHOT === '0') return
  const lock = `${blobOf(bundle)}.lock`
  try {
    if (!takeLock(lock)) return
    // Its own process group: a Ctrl+C meant for the chain does not cut the build short.
    require('node:child_process').spawn(process.execPath, [__filename, bundle], { stdio: 'ignore', detached: true }).unref()
  } catch {
    rmSync(lock, { force: true })
  }
}

/** The build itself (this file run as a script, holding the lock). @param {string} bundle */
function build(bundle) {
  const blob = blobOf(bundle)
  const tmp = `${blob}.${process.pid}.tmp`
  const keyTmp = `${blob}.key.${process.pid}.tmp`
  try {
    const flags = (process.env.DEVCHAIN_NODE_FLAGS ?? '').split(' ').filter(Boolean)
    const r = require('node:child_process').spawnSync(process.execPath, [...flags, '--snapshot-blob', tmp, '--build-snapshot', join(__dirname, 'snapshotEntry.cjs'), bundle], { stdio: 'ignore' })
    if (r.status !== 0) return
    renameSync(tmp, blob)
    writeFileSync(keyTmp, `${process.env.DEVCHAIN_SNAPSHOT_KEY}\n`)
    renameSync(keyTmp, `${blob}.key`)
    // A mark left by a start from the blob this one replaces (chain.sh) says nothing about this one.
    rmSync(`${blob}.started`, { force: true })
  } finally {
    rmSync(tmp, { force: true })
    rmSync(keyTmp, { force: true })
    rmSync(`${blob}.lock`, { force: true })
  }
}

if (require.main === module) build(process.argv[2])

module.exports = { buildInBackground }
