// `npm run chain` (chain.sh, through launch.mjs): runs server/chain/cli.ts from a cached esbuild bundle on
// plain Node (see bundle.mjs), rebuilt on the first start after any source change, and compiled through
// V8's code cache (codeCache.cjs), written after the first start's first answer. So is Node's startup
// snapshot of the chain (snapshotBuild.cjs), which chain.sh starts the next start from. When the bundle
// cannot be built or written (a read-only checkout, esbuild missing), the chain still starts, through tsx.
// DEVCHAIN_BUNDLE_DIR moves the cache (default node_modules/.cache/devchain/).
'use strict'
const { join, resolve } = require('node:path')
const { ROOT, bundleIsFresh } = require('./bundleFresh.cjs')
const { runWithCodeCache } = require('./codeCache.cjs')
const { buildInBackground } = require('./snapshotBuild.cjs')

const entry = join(ROOT, 'server/chain/cli.ts')
// Resolved against the working directory, as a relative path given on a command line means; the code
// cache's require() needs an absolute file name.
const outFile = resolve(process.env.DEVCHAIN_BUNDLE_DIR || join(ROOT, 'node_modules/.cache/devchain'), 'cli.cjs')

/** @param {string} bundle */
function run(bundle) {
  const { exports, save } = runWithCodeCache(bundle)
  /** @type {Promise<import('node:http').Server>} */
  const started = exports.start()
  // The cache then holds what a start and a first answer run, not only the start.
  const afterFirstAnswer = () => {
    save()
    buildInBackground(bundle)
  }
  started.then((server) => server.once('request', (_req, res) => res.once('finish', () => setImmediate(afterFirstAnswer))))
}

/** No bundle (a read-only checkout, esbuild missing): the chain still starts, through tsx. */
async function throughTsx() {
  const { register } = await import('tsx/esm/api')
  register()
  await (await import(require('node:url').pathToFileURL(entry).href)).start()
}

// A fresh bundle (every start but the first after a source change) runs at once, synchronously.
if (bundleIsFresh(outFile, entry)) run(outFile)
else {
  import('./bundle.mjs')
    .then(({ ensureBundle }) => ensureBundle({ entry, outFile, root: ROOT, format: 'cjs' }))
    .then(run, (e) => {
      process.stderr.write(`devchain: running through tsx (no bundle: ${e instanceof Error ? e.message.split('\n')[0] : e})\n`)
      return throughTsx()
    })
}
