/**
 * Each page's data carries the catalog entries of the methods it runs (`methodSpecs`): those in its
 * frontmatter `rpc` list and every `<RpcCall method="…">` in its markdown. The RpcCall form renders
 * from them on the server and in the browser, so no page's first load carries the whole catalog of
 * every method (components/methodSpecs.ts loads that only when something asks for another method).
 * The client also always has komodod's core methods in their wire form (`__KJ_CORE_WIRE__`, defined here), enough
 * to check any component's call before it is sent.
 */
import type { Page, Plugin } from 'vuepress/core'
import { CORE_METHODS, type MethodSpec } from '../../protocol/catalog.ts'
import { packWireSpecs } from '../../protocol/wireSpec.ts'
import { getMethod } from '../../modules/catalog.ts'

/**
 * The build-time constant components/methodSpecs.ts reads: komodod's core methods, packed. Values as VuePress's
 * `define` takes them (its bundler turns each into a JS literal); Vite's own `define` wants the literal itself.
 */
export const coreWireDefine = (): Record<string, string> => ({ __KJ_CORE_WIRE__: packWireSpecs(CORE_METHODS) })

const RPC_CALL = /<RpcCall\b[^>]*?\smethod="([\w-]+)"/g

/** The methods a page runs, by name. */
export function pageMethodsOf(frontmatterRpc: unknown, content: string): Record<string, MethodSpec> {
  const names = new Set<string>(Array.isArray(frontmatterRpc) ? frontmatterRpc.filter((m): m is string => typeof m === 'string') : [])
  for (const m of content.matchAll(RPC_CALL)) names.add(m[1])
  const out: Record<string, MethodSpec> = {}
  for (const name of [...names].sort()) {
    const spec = getMethod(name)
    if (spec) out[name] = formSpec(spec)
  }
  return out
}

/** What a page's forms and client read of a spec: the reference pages' fields (result, category, safety) stay out. */
function formSpec({ result: _result, category: _category, safety: _safety, heavy: _heavy, ...spec }: MethodSpec): MethodSpec {
  return spec as MethodSpec
}

export const pageMethodsPlugin = (): Plugin => ({
  name: 'komodo-journeys:page-methods',
  define: coreWireDefine,
  extendsPage(page: Page<{ methodSpecs?: Record<string, MethodSpec> }>) {
    const specs = pageMethodsOf(page.frontmatter.rpc, page.content)
    if (Object.keys(specs).length) page.data.methodSpecs = specs
  },
})
