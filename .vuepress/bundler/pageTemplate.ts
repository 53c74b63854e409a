import { TemplateRendererOutlet as Outlet, type TemplateRenderer, type TemplateRendererContext } from 'vuepress/utils'

/** The outlets in the order VuePress's own renderer fills them, with the context field each takes. */
const FILLED: [outlet: string, field: Exclude<keyof TemplateRendererContext, 'content'>][] = [
  [Outlet.Head, 'head'], [Outlet.Lang, 'lang'], [Outlet.Prefetch, 'prefetch'], [Outlet.Preload, 'preload'],
  [Outlet.Scripts, 'scripts'], [Outlet.Styles, 'styles'], [Outlet.Version, 'version'],
]

/**
 * VuePress's page template renderer (`templateRenderer` in @vuepress/utils), without copying the page.
 *
 * VuePress puts the rendered page into the template first, then fills the seven other outlets one
 * `String.replace` at a time, each copying and scanning the whole page (≈66 KB on average, ≈1,000 pages on
 * the scale corpus: ≈1 s of the build's CPU and as much garbage). Here the outlets are filled in the
 * template's two halves around the content outlet, each at its first place in the template as VuePress fills it,
 * and the page is joined in once. Values are taken as they are (VuePress's renderer reads `$&` and the like in
 * most of them as replacement patterns), and an outlet's text inside a page is left alone.
 */
export const renderPageTemplate: TemplateRenderer = (template, context) => {
  const at = template.indexOf(Outlet.Content)
  const halves = at < 0 ? [template] : [template.slice(0, at), template.slice(at + Outlet.Content.length)]
  for (const [outlet, field] of FILLED) {
    const half = halves.findIndex((h) => h.includes(outlet))
    if (half >= 0) halves[half] = halves[half].replace(outlet, () => context[field])
  }
  return at < 0 ? halves[0] : halves[0] + context.content + halves[1]
}
