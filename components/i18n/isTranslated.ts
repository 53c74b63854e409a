/**
 * Whether a translated text is there to show: a string with more than whitespace. The one rule for a method's
 * texts, both where a form picks its words (useMethodStrings.ts) and where the build leaves out the English a
 * translation replaces (.vuepress/plugins/pageMethods.ts), so the two never disagree.
 */
export const isTranslated = (text: unknown): text is string => typeof text === 'string' && text.trim() !== ''
