// The theme's own client config, for its Layout (importing Layout.vue directly would make vue-tsc check the theme).
import themeClientConfig from '@vuepress/theme-default/dist/client/config.js'
import { defineComponent, h, watchEffect, type Component } from 'vue'
import { defineClientConfig, useSiteLocaleData } from 'vuepress/client'
import I18nNotice from './I18nNotice.vue'

const Layout = themeClientConfig.layouts!.Layout as Component

/** The theme's layout with the translation notice at the top of the page content. */
const I18nLayout = defineComponent({
  name: 'I18nLayout',
  setup: () => () => h(Layout, null, { 'page-content-top': () => h(I18nNotice) }),
})

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
