import { defineClientConfig, useSiteLocaleData } from 'vuepress/client'
import { watchEffect } from 'vue'
import I18nNotice from './I18nNotice.vue'
import { I18nLayout } from './I18nLayout.ts'

export default defineClientConfig({
  enhance({ app }) {
    app.component('I18nNotice', I18nNotice)
  },
  // Registered after the theme's client config, so this Layout replaces the theme's.
  layouts: { Layout: I18nLayout },
  setup() {
    const site = useSiteLocaleData()
    // The build writes <html dir> (htmlDir.ts); client-side navigation between locales must keep it right.
    if (typeof document !== 'undefined')
      watchEffect(() => {
        document.documentElement.dir = (site.value as { dir?: string }).dir === 'rtl' ? 'rtl' : 'ltr'
      })
  },
})
