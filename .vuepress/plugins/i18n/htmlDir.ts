import type { TemplateRenderer } from 'vuepress/utils'
import { renderPageTemplate } from '../../bundler/pageTemplate.ts'

/**
 * The build's page template renderer, adding `dir="rtl"` to `<html>` for the languages written right to left
 * (VuePress only fills in `lang`). The client keeps it right after navigation (see client.ts).
 */
export const htmlDirRenderer = (rtlLangs: string[]): TemplateRenderer => async (template, context) =>
  renderPageTemplate(rtlLangs.includes(context.lang) ? template.replace(/<html(?![^>]*\sdir=)/, '<html dir="rtl"') : template, context)
