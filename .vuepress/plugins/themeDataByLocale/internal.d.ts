// The module as index.ts rewrites it for a build; in `vuepress dev` it is the theme-data plugin's, without the function.
declare module '@internal/themeData' {
  export const themeData: Record<string, unknown>
  export const ensureThemeLocale: ((locale: string) => Promise<void> | undefined) | undefined
}
