import * as sfc from 'vue/compiler-sfc'
import type { Plugin } from 'vite'

/**
 * Keeps `vuepress build`'s render stage off a heap full of compiler output.
 *
 * @vitejs/plugin-vue caches every page's SFC descriptor for the life of the process, each with its
 * transformed template AST and the Babel ASTs of its script. `vuepress build` renders the pages in the same
 * process right after compiling, so with ~1,000 pages that is ~250 MB of ASTs the garbage collector walks on
 * every major collection while pages render. Nothing reads them after both builds have finished (HMR, which
 * would, is dev-only), so they are dropped then.
 */
export function releaseSfcMemory(environments = 2): { compiler: typeof sfc; plugin: Plugin } {
  const descriptors = new Set<sfc.SFCDescriptor>()
  const scripts = new Set<sfc.SFCScriptBlock>()
  let building = false // `vuepress dev` keeps its descriptors for HMR: nothing is recorded there
  const compiler: typeof sfc = {
    ...sfc,
    parse: (source, options) => {
      const result = sfc.parse(source, options)
      if (building) descriptors.add(result.descriptor)
      return result
    },
    compileScript: (descriptor, options) => {
      const block = sfc.compileScript(descriptor, options)
      if (building) scripts.add(block)
      return block
    },
  }
  let open = environments
  const plugin: Plugin = {
    name: 'komodo-journeys:release-sfc-memory',
    apply: 'build',
    configResolved() {
      building = true
    },
    closeBundle() {
      // The client and server builds run side by side and share plugin-vue's cache: wait for both.
      if (--open > 0) return
      for (const d of descriptors) if (d.template) d.template.ast = undefined
      for (const s of scripts) {
        s.scriptAst = undefined
        s.scriptSetupAst = undefined
      }
      descriptors.clear()
      scripts.clear()
      sfc.parseCache.clear()
    },
  }
  return { compiler, plugin }
}
