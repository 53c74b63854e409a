import path from 'node:path'
import { routeForSource } from '../sourceRoutes.ts'

/**
 * Rewrites the internal links of an English page so that, shown inside locale `prefix` (a fallback page),
 * they stay in that locale: `/x.html` → `/zh/x.html`, `./y.md` (relative to the English source) →
 * `/zh/<dir>/y.html`. External links, anchors, assets and links already in a locale are left alone.
 */
export function localizeLink(link: string, prefix: string, englishSource: string, localePrefixes: string[]): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(link)) return link
  const [, target, suffix = ''] = /^([^#?]*)(.*)$/.exec(link)!
  // Only page links move (VuePress's own test: a path ending in `/`, `.md` or `.html`); assets stay put.
  if (!target || !/(?:\/|\.md|\.html)$/.test(target)) return link
  if (target.startsWith('/')) {
    if (localePrefixes.some((p) => p !== '/' && (target + '/').startsWith(p))) return link
    return prefix + target.slice(1) + suffix
  }
  if (!target.endsWith('.md')) return link
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(englishSource), target))
  const route = routeForSource(resolved)
  return route ? prefix + route.slice(1) + suffix : link
}

/** Applies localizeLink to every Markdown link `[text](target)` of `markdown`. */
export function localizeMarkdownLinks(markdown: string, prefix: string, englishSource: string, localePrefixes: string[]): string {
  return markdown.replace(/(\]\()(<?)([^)\s>]+)(>?)/g, (_, open: string, lt: string, target: string, gt: string) =>
    `${open}${lt}${localizeLink(target, prefix, englishSource, localePrefixes)}${gt}`)
}
