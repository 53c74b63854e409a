// The theme's own client config, for its Layout (importing Layout.vue directly would make vue-tsc check the theme).
import themeClientConfig from '@vuepress/theme-default/dist/client/config.js'
import { defineComponent, h, type Component } from 'vue'
import I18nNotice from './I18nNotice.vue'

const Layout = themeClientConfig.layouts!.Layout as Component

/**
 * The theme's layout with the translation notice at the top of the page content. Every other slot passes through,
 * so a site layout built on this one (theme/JourneyLayout.vue) adds its chrome without losing the notice.
 */
export const I18nLayout = defineComponent({
  name: 'I18nLayout',
  setup: (_, { slots }) => () =>
    h(Layout, null, { ...slots, 'page-content-top': () => [h(I18nNotice), slots['page-content-top']?.()] }),
})
