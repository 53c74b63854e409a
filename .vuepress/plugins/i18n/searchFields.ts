import type { Page } from 'vuepress/core'

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : []).filter((s): s is string => typeof s === 'string' && s !== '')

/**
 * Extra search fields of a page: the komodod methods it uses (frontmatter `rpc:`) and its `tags`. Titles and
 * h2/h3 headers are indexed by the search plugin itself; page bodies never are, so the index stays small.
 */
export const searchExtraFields = (page: Page): string[] => [...strings(page.frontmatter.rpc), ...strings(page.frontmatter.tags)]
