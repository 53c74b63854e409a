/**
 * The theme's links (AutoLink, and RouteLink for an internal one) as the props of a plain `<a>`: same attributes in
 * the same order, same classes, same href, same SPA click.
 *
 * A link through the theme costs three components (VPAutoLink, AutoLink, RouteLink), each with its own computeds and
 * slots; `vuepress build` renders about 300 of them on every page (navbar, sidebar, dropdowns). As props, a link is
 * one element of its parent's template, which the server renders as a string. The rules below are VuePress's own
 * (@vuepress/client, components/AutoLink.ts and RouteLink.ts), which test/unit/site/plainLink.test.ts holds them to.
 */
import { resolveRouteFullPath, withBase, type AutoLinkConfig } from 'vuepress/client'
import { isLinkWithProtocol } from 'vuepress/shared'
import type { Router } from 'vue-router'

/** RouteLink's href: a hash or a query stays as it is, a path resolves against the page's (relative links, redirects). */
export const routeHref = (to: string, from: string): string =>
  to.startsWith('#') || to.startsWith('?') ? to : withBase(resolveRouteFullPath(to, from))

/**
 * RouteLink's click: the router navigates. A modified or non-primary click, or one a handler already took, is the
 * browser's (a new tab, a download).
 */
export function followRoute(router: Router, event: MouseEvent, to: string): void {
  if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey || event.defaultPrevented) return
  if (event.button !== undefined && event.button !== 0) return
  event.preventDefault()
  router.push(to).catch(() => {})
}

/**
 * AutoLink's active rule on page `path`: a link's `activeMatch` pattern if it has one; otherwise the link is active
 * on its own page and (unless `exact`, or it is a locale's root) on every page under it.
 */
export function isActiveAutoLink(config: AutoLinkConfig, path: string, localePaths: string[]): boolean {
  if (config.activeMatch)
    return (config.activeMatch instanceof RegExp ? config.activeMatch : new RegExp(config.activeMatch, 'u')).test(path)
  const underToo = !config.exact && (localePaths.length ? localePaths.every((l) => l !== config.link) : config.link !== '/')
  return underToo ? path.startsWith(config.link) : path === config.link
}

/** Where the page is, for `autoLinkProps`. */
export interface LinkContext { path: string; localePaths: string[]; router: Router }

/** The props of the `<a>` AutoLink renders for `config` (text aside), and `extra` listeners (a dropdown's focusout). */
export function autoLinkProps(config: AutoLinkConfig, at: LinkContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const withProtocol = isLinkWithProtocol(config.link)
  const target = config.target || (withProtocol ? '_blank' : undefined)
  const ariaLabel = config.ariaLabel ?? config.text
  if (withProtocol || target === '_blank')
    return { class: 'auto-link external-link', href: config.link, 'aria-label': ariaLabel, rel: config.rel || (target === '_blank' ? 'noopener noreferrer' : null), target, ...extra }
  return {
    class: ['route-link', { 'route-link-active': isActiveAutoLink(config, at.path, at.localePaths) }, 'auto-link'],
    href: routeHref(config.link, at.path),
    'aria-label': ariaLabel,
    onClick: (event: MouseEvent) => followRoute(at.router, event, config.link),
    ...extra,
  }
}
