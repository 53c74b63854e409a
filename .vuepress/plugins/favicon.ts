import type { Plugin } from 'vuepress/core'

/**
 * The site's icon in every built page's `<head>`, so browsers stop asking for a missing /favicon.ico.
 *
 * Not in the `head` config: the client dedupes that on every page load, sorting each `<link>`'s attributes with
 * `String#localeCompare`, whose first call loads ICU's collation data on the main thread (~15-30 ms of a journey
 * page's hydration task on this machine, more on a phone). Written into the HTML, it costs nothing at runtime.
 */
export const faviconPlugin = ({ href, type }: { href: string; type: string }): Plugin => ({
  name: 'komodo-journeys:favicon',
  onInitialized(app) {
    const render = app.options.templateBuildRenderer
    const link = `<link rel="icon" type="${type}" href="${app.options.base}${href.replace(/^\//, '')}">`
    app.options.templateBuildRenderer = (template, context) => render(template, { ...context, head: context.head + link })
  },
})
