// The script Node's startup snapshot of the chain is built from (issue 19's cold start). launch.cjs
// runs it in the background after a start's first answer:
//   node <the chain's V8 flags> --snapshot-blob <dir>/cli.blob --build-snapshot snapshotEntry.cjs <dir>/cli.cjs
// and chain.sh starts Node from that blob. The blob's heap holds the bundle already evaluated and the
// modules' rules already loaded, so a start skips compiling and running ~600 KB of JavaScript and most
// of Node's own built-in modules, and goes straight to opening the chain.
//
// A start from the blob first checks that it is still the build of today's sources (the bundle's inputs,
// the bundle itself and the two files the blob holds besides it, in this checkout); when it is not, it
// hands over to launch.cjs, as a start without a blob does, which rebuilds the bundle and then the blob.
'use strict'
const { readFileSync, rmSync } = require('node:fs')
const { dirname, join, resolve } = require('node:path')
const v8 = require('node:v8')

// Only some of Node's built-ins may be loaded while the snapshot is built (Node 20's list is in
// lib/internal/main/mksnapshot.js: http and module are not on it). The others are loaded on first use,
// after the start. The bundle names its built-ins by named imports, so a proxy that forwards property
// reads is enough.
const IN_SNAPSHOT = new Set(['buffer', 'crypto', 'events', 'fs', 'net', 'os', 'path', 'stream', 'string_decoder', 'timers', 'url', 'util', 'zlib'])

// What the HTTP server and its listen() load besides http itself, which the snapshot may hold.
for (const id of ['net', 'dns', 'stream', 'diagnostics_channel']) require(id)

/** @param {string} id */
function builtin(id) {
  if (IN_SNAPSHOT.has(id.replace(/^node:/, ''))) return require(id)
  /** @type {any} */
  let loaded
  return new Proxy({}, { get: (_, key) => (loaded ??= require(id))[key] })
}

/**
 * Evaluates one of our CommonJS files (the builder's require() knows only built-ins), naming it in
 * stack traces.
 * @param {string} file
 */
function evaluate(file) {
  const module = { exports: {} }
  const body = new Function('exports', 'require', 'module', '__filename', '__dirname', `${readFileSync(file, 'utf8')}\n//# sourceURL=${file}`)
  body(module.exports, builtin, module, file, dirname(file))
  return /** @type {any} */ (module.exports)
}

const bundle = process.argv[2]
const { bundleIsFresh, fingerprint } = evaluate(join(__dirname, 'bundleFresh.cjs'))
// The files the snapshot holds besides the bundle: an edit to either makes it stale too.
const OWN = ['snapshotEntry.cjs', 'bundleFresh.cjs']
/** What the snapshot was built from: the bundle (as launch.cjs and codeCache.cjs see it) and its own files. */
const stampOf = (/** @type {string} */ dir) => [bundle, ...OWN.map((f) => join(dir, f))].map(fingerprint).join(' ')
const builtFrom = stampOf(__dirname)
const chain = evaluate(bundle)
// What every start would do first, done once here: the modules' rules and the code they load.
chain.prepare().then(() => {
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // This start got past loading the blob: chain.sh's mark that it might not is taken away first.
    if (process.env.DEVCHAIN_SNAPSHOT_MARK) rmSync(process.env.DEVCHAIN_SNAPSHOT_MARK, { force: true })
    // This checkout's files, beside the launcher chain.sh named: a snapshot another checkout built into a
    // shared node_modules is not this one's.
    const here = dirname(resolve(process.argv[1]))
    let current = false
    try {
      current = stampOf(here) === builtFrom && bundleIsFresh(bundle, join(here, 'cli.ts'))
    } catch {
      // The bundle is gone: launch.cjs builds it again.
    }
    // A failed start ends the process as it does from the bundle: an unhandled rejection.
    if (current) void chain.start()
    // Beside the script chain.sh named (launch.mjs), not this file's path when the blob was built: a
    // moved checkout still finds its launcher.
    else require('node:module').createRequire(resolve(process.argv[1]))('./launch.cjs')
  })
})
