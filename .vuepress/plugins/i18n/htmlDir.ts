import type { TemplateRenderer } from 'vuepress/utils'
import { templateRenderer } from 'vuepress/utils'

/**
 * The build's page template renderer, adding `dir="rtl"` to `<html>` for the languages written right to left
 * (VuePress only fills in `lang`). The client keeps it right after navigation (see client.ts).
 */
export const htmlDirRenderer = (rtlLangs: string[]): TemplateRenderer => async (template, context) => {
  const html = await templateRenderer(template, context)
  return rtlLangs.includes(context.lang) ? html.replace(/<html(?![^>]*\sdir=)/, '<html dir="rtl"') : html
}
