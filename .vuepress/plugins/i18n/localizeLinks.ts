import type MarkdownIt from 'markdown-it'
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

/** Where a fallback page's links must point: its locale, and the English source its relative links start from. */
export interface FallbackLinks {
  prefix: string
  source: string
}

/** The frontmatter key a fallback page is created with, read by the Markdown rule while the page renders. */
export const FALLBACK_LINKS_KEY = 'i18nFallbackLinks'

const HTML_ANCHOR_HREF = /(<a\b[^>]*?\shref\s*=\s*)(["'])([^"']*)\2/gi

/**
 * A markdown-it core rule that moves the links of a fallback page into its locale as the page renders: Markdown links,
 * reference-style links (markdown-it resolves them into the same link tokens) and the `href` of HTML anchors. Code,
 * inline or fenced, holds no link tokens, so a URL shown in an example stays exactly as written.
 *
 * On every other page it turns relative `.md` links into the routes of their files (prefix `/`, the page's own
 * source). VuePress would write `/docs/contributing/translate.html` and route it through a redirect table that
 * every page's main chunk carries; the site ships no such table (plugins/sourceRoutes.ts).
 */
export function localizeLinksRule(md: MarkdownIt, localePrefixes: () => string[]): void {
  md.core.ruler.push('kj_localize_links', (state) => {
    const env = state.env as { frontmatter?: Record<string, unknown>; filePathRelative?: string | null }
    const target = (env.frontmatter?.[FALLBACK_LINKS_KEY] as FallbackLinks | undefined)
      ?? (env.filePathRelative ? { prefix: '/', source: env.filePathRelative } : undefined)
    if (!target) return
    const prefixes = localePrefixes()
    const fix = (link: string) => localizeLink(link, target.prefix, target.source, prefixes)
    const fixHtml = (html: string) => html.replace(HTML_ANCHOR_HREF, (_, open: string, q: string, href: string) => `${open}${q}${fix(href)}${q}`)
    for (const token of state.tokens) {
      if (token.type === 'html_block') token.content = fixHtml(token.content)
      for (const child of token.children ?? []) {
        if (child.type === 'link_open') child.attrSet('href', fix(child.attrGet('href') ?? ''))
        else if (child.type === 'html_inline') child.content = fixHtml(child.content)
      }
    }
  })
}
