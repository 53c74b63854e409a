/** The `<meta>` a server render leaves in the head for each live component it rendered (marker.ts). */
export const ISLAND_MARKER = 'kj-island'

const MARKER = new RegExp(`<meta name="${ISLAND_MARKER}" content="([\\w-]+)">`, 'g')

/**
 * Takes the markers out of a rendered `<head>` and adds `<link rel="modulepreload">`s of the components' chunks
 * after the page's own preloads, each file once. They are fetched at low priority: on a slow connection they must
 * not compete with the stylesheet and the main chunk, which the first paint waits for (Lighthouse counts any
 * high-priority request before the first paint as blocking it). A component without chunks (`vuepress dev`, or
 * not lazily loaded) adds nothing.
 */
export function moveIslandMarkers(
  context: { head: string; preload: string },
  chunks: ReadonlyMap<string, readonly string[]>,
): { head: string; preload: string } {
  const hrefs = new Set<string>()
  const head = context.head.replace(MARKER, (_, name: string) => {
    for (const href of chunks.get(name) ?? []) if (!context.preload.includes(`href="${href}"`)) hrefs.add(href)
    return ''
  })
  return { head, preload: context.preload + [...hrefs].map((href) => `<link rel="modulepreload" href="${href}" fetchpriority="low">`).join('') }
}
