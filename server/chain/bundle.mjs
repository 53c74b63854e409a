// Builds (and reuses) a single-file ESM bundle of a TypeScript entry with esbuild, so `npm run chain`
// starts on plain Node: the tsx loader costs about a second per start, the chain itself ~100 ms.
// Plain JS because it runs before any TypeScript loader exists.
//
// The bundle is rebuilt whenever any input file changed (size or mtime, listed beside the bundle),
// so editing devchain/** never leaves a stale chain behind; the check is one stat per input
// (bundleFresh.cjs, which a start runs without loading this file).
// esbuild comes with tsx (a runtime dependency), so a fresh `npm ci` can always build.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT, bundleIsFresh, fingerprint } from './bundleFresh.cjs'

export { ROOT, bundleIsFresh }

/**
 * `import.meta.url` keeps naming each module's own source file (faucet-pow.ts finds its worker
 * script beside itself), not the bundle.
 * @param {string} root
 */
function keepModuleUrls(root) {
  return {
    name: 'keep-module-urls',
    /** @param {any} build */
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (/** @type {{ path: string }} */ args) => {
        if (!args.path.startsWith(root) || args.path.includes(`${'/'}node_modules${'/'}`)) return undefined
        const text = readFileSync(args.path, 'utf8')
        if (!text.includes('import.meta')) return undefined
        const url = pathToFileURL(args.path).href
        const contents = text
          .replaceAll('import.meta.url', JSON.stringify(url))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path))
        return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js' }
      })
    },
  }
}

/**
 * Returns `outFile`, building it first unless it is fresh. Written to a temporary name and renamed,
 * so two chains starting at once never load half a file.
 * `format` 'cjs' makes a script that launch.cjs compiles with V8's code cache (Node 20's ES module
 * loader has none); its entry must not use top-level await.
 * @param {{ entry: string, outFile: string, root: string, format?: 'esm' | 'cjs' }} opts
 * @returns {Promise<string>}
 */
export async function ensureBundle({ entry, outFile, root, format = 'esm' }) {
  if (bundleIsFresh(outFile, entry)) return outFile
  const esbuild = await import('esbuild')
  mkdirSync(dirname(outFile), { recursive: true })
  const tmp = `${outFile}.${process.pid}.tmp`
  const result = await esbuild.build({
    absWorkingDir: resolve(root),
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
    plugins: [keepModuleUrls(resolve(root))],
  })
  /** @type {Record<string, string>} */
  const inputs = {}
  for (const rel of Object.keys(result.metafile.inputs)) {
    const file = resolve(root, rel.replace(/^[^:]*:/, ''))
    inputs[file] = fingerprint(file)
  }
  writeFileSync(`${outFile}.inputs.json.${process.pid}.tmp`, JSON.stringify({ entry, esbuild: esbuild.version, inputs }))
  renameSync(tmp, outFile)
  renameSync(`${outFile}.inputs.json.${process.pid}.tmp`, `${outFile}.inputs.json`)
  return outFile
}

