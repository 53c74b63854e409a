import { toRaw } from 'vue'

/**
 * A cache of what a theme config (navbar, sidebar) resolves to, per config object and key, dropped when the routes
 * change (a page added or retitled under `vuepress dev`): the server renders every page of a locale from the same
 * config and routes, so it resolves each once instead of on every page.
 */
export function resolvedPerConfig<T>(): (config: object, routes: unknown, key: string, resolve: () => T) => T {
  const cache = new WeakMap<object, { routes: unknown; byKey: Map<string, T> }>()
  return (config, routes, key, resolve) => {
    const raw = toRaw(config)
    let entry = cache.get(raw)
    if (!entry || entry.routes !== routes) cache.set(raw, (entry = { routes, byKey: new Map() }))
    let value = entry.byKey.get(key)
    if (value === undefined) entry.byKey.set(key, (value = resolve()))
    return value
  }
}
