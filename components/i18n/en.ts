/**
 * English UI strings: the source of truth for every key. Translations live in
 * `locales/<dir>/locale.json` under `"ui"` with the same nested shape; a missing key falls back to the
 * string here and an unknown key is an error (see `.vuepress/locales/uiStrings.ts`).
 */
export const en = {
  // Notices, navigation markers and the status page of the locales-as-folders system.
  i18n: {
    fallback: {
      title: 'Not translated yet',
      body: 'This page has not been translated into this language yet, so it is shown in English.',
      readOriginal: 'Read the original',
      helpTranslate: 'Help translate it',
      sourceFile: 'source file',
    },
    outdated: {
      title: 'This translation may be outdated',
      body: 'The English page has changed since this translation was made.',
      readEnglish: 'Read the current English page',
    },
    sidebar: {
      untranslated: 'EN',
      untranslatedTitle: 'Not translated yet: shown in English',
    },
    status: {
      navLink: 'Translations',
      title: 'Translation status',
      intro: 'Every language, page by page. A page is outdated when its English original changed after it was translated.',
      page: 'Page',
      state: 'State',
      file: 'File',
      translated: 'translated',
      outdated: 'outdated',
      unstamped: 'translated, not stamped',
      missing: 'missing',
      missingUi: 'Missing UI strings',
      none: 'none',
      howTo: 'How to translate',
    },
  },
} as const

export type UiStrings = typeof en
