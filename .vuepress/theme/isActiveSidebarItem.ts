/**
 * The theme's `isActiveSidebarItem` (utils/isActiveSidebarItem.js): whether an item links to the page, or holds an
 * item that does. Same rule; each path is normalized once rather than on every comparison. The sidebar asks it of
 * every item on every page, and a group asks it of everything under it: on the server that was ~1.5 million
 * `decodeURI` and regex passes per build over the same few thousand links. test/unit/site/isActiveSidebarItem.test.ts
 * holds it to the theme's answers.
 */
import type { SidebarItem } from '@vuepress/theme-default/client'

const normalized = new Map<string, string>()

/** A path without its hash, `index`, `.md` or `.html`, decoded, as the theme compares them. */
export function normalizedPath(path: string): string {
  let n = normalized.get(path)
  if (n === undefined) normalized.set(path, (n = decodeURI(path).replace(/#.*$/, '').replace(/(index)?\.(md|html)$/, '')))
  return n
}

export function isActiveSidebarItem(item: SidebarItem, route: { path: string; hash: string }): boolean {
  const page = normalizedPath(route.path)
  const active = (it: SidebarItem): boolean =>
    (!!it.link && (route.hash === it.link || normalizedPath(it.link) === page)) || ('children' in it && it.children.some(active))
  return active(item)
}
