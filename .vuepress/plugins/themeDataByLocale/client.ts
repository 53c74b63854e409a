import * as themeDataModule from '@internal/themeData'
import { defineClientConfig } from 'vuepress/client'
import { resolveLocalePath } from 'vuepress/shared'

// Present in a build (index.ts rewrote the module); `vuepress dev` serves every locale in the plugin's own module,
// which has no such export: read through the namespace, since a named import of it would not load there.
const { ensureThemeLocale } = themeDataModule

export default defineClientConfig({
  enhance({ router, siteData }) {
    if (!ensureThemeLocale) return
    // A route renders only once its locale's theme data is in: the first one before hydration, as on the server.
    router.beforeResolve((to) => ensureThemeLocale(resolveLocalePath(siteData.value.locales, to.path)))
  },
})
