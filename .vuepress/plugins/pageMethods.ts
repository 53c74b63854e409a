/**
 * Each page's data carries the catalog entries of the methods it runs (`methodSpecs`): those in its
 * frontmatter `rpc` list and every `<RpcCall method="…">` in its markdown. The RpcCall form renders
 * from them on the server and in the browser, so no page's first load carries the whole catalog of
 * every module (components/methodSpecs.ts loads that only when something asks for another method).
 * komodod's core methods are left out: the client always has those.
 */
import type { Page, Plugin } from 'vuepress/core'
import { CORE_CATALOG, type MethodSpec } from '../../protocol/catalog.ts'
import { getMethod } from '../../modules/catalog.ts'

const RPC_CALL = /<RpcCall\b[^>]*?\smethod="([\w-]+)"/g

/** The module methods a page runs, by name. */
export function moduleMethodsOf(frontmatterRpc: unknown, content: string): Record<string, MethodSpec> {
  const names = new Set<string>(Array.isArray(frontmatterRpc) ? frontmatterRpc.filter((m): m is string => typeof m === 'string') : [])
  for (const m of content.matchAll(RPC_CALL)) names.add(m[1])
  const out: Record<string, MethodSpec> = {}
  for (const name of [...names].sort()) {
    const spec = CORE_CATALOG.get(name) ? undefined : getMethod(name)
    if (spec) out[name] = spec
  }
  return out
}

export const pageMethodsPlugin = (): Plugin => ({
  name: 'komodo-journeys:page-methods',
  extendsPage(page: Page<{ methodSpecs?: Record<string, MethodSpec> }>) {
    const specs = moduleMethodsOf(page.frontmatter.rpc, page.content)
    if (Object.keys(specs).length) page.data.methodSpecs = specs
  },
})
