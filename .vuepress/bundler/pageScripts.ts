import type * as sfc from 'vue/compiler-sfc'

/**
 * The script VuePress writes for a Markdown page that has none of its own (@vuepress/core `renderPageToVue`):
 * the page's data as a JSON string, and a default export naming the page. Group 1 ends before `export default`.
 */
const PAGE_SCRIPT = /^(\s*export const _pageData = JSON\.parse\("(?:[^"\\\n]|\\.)*"\)\n)export default (\{ name: "(?:[^"\\\n]|\\.)*" \}\s*)$/

/**
 * A Markdown page's script compiled as `compileScript` compiles it, without parsing it.
 *
 * @vitejs/plugin-vue hands every page's `<script>` to `compileScript`, once for the client build and once for
 * the server's, and that parses it with Babel to find the default export and its bindings. A page's script
 * is always the same two lines, so on the scale corpus (≈2,000 such parses) that was ≈0.35 s of the compile
 * stage's main thread, and its garbage. For exactly that script this gives the same result: the default
 * export renamed to `genDefaultAs`, and no bindings (its object declares no props, data or the like). Any
 * other script (a page with a `<script>` of its own, a component, `vuepress dev`) returns null, for the
 * real compiler. test/unit/site/pageScripts.test.ts checks the two agree on VuePress's own output.
 */
export function compilePageScript(descriptor: sfc.SFCDescriptor, options: sfc.SFCScriptCompileOptions): sfc.SFCScriptBlock | null {
  const { script, scriptSetup, cssVars } = descriptor
  if (!options.isProd || !options.genDefaultAs || !script || scriptSetup || script.lang || script.src || cssVars.length) return null
  const page = PAGE_SCRIPT.exec(script.content)
  if (!page) return null
  const bindings: sfc.BindingMetadata = {}
  // As compileScript marks the bindings of a component without `<script setup>`.
  Object.defineProperty(bindings, '__isScriptSetup', { enumerable: false, value: false })
  return { ...script, content: `${page[1]}const ${options.genDefaultAs} = ${page[2]}`, bindings, scriptAst: [] }
}

/** The SFC compiler with the fast path for pages' scripts. */
export const withPageScripts = (compiler: typeof sfc): typeof sfc => ({
  ...compiler,
  compileScript: (descriptor, options) => compilePageScript(descriptor, options) ?? compiler.compileScript(descriptor, options),
})
