import { viteBundler } from '@vuepress/bundler-vite'
import { searchPlugin } from '@vuepress/plugin-search'
import { defaultTheme } from '@vuepress/theme-default'
import { defineUserConfig } from 'vuepress'
import { fileURLToPath } from 'node:url'
import { path } from 'vuepress/utils'
import { METHODS } from '../modules/catalog.ts'
import { version as packageVersion } from '../package.json'
import { SITE_DESCRIPTION, SITE_TITLE } from './locales/discover.ts'
import { discoveredSite } from './locales/site.ts'
import {
  htmlDirRenderer, i18nClientPlugin, i18nLiveUpdatePlugin, i18nPagesPlugin, linkCheckPlugin, navigationPlugin, searchExtraFields, statusPagePlugin,
} from './plugins/i18n/index.ts'
import { chainMountPlugin } from './plugins/chainMount.ts'
import { faviconPlugin } from './plugins/favicon.ts'
import { rpcReferencePlugin } from './plugins/rpcReference.ts'
import { journeyDifferencesPlugin } from './plugins/journeyDifferences.ts'
import { pageMethodsPlugin } from './plugins/pageMethods.ts'
import { noOptionsApiPlugin } from './plugins/noOptionsApi.ts'
import { openRpcPlugin } from './plugins/openRpc.ts'
import { chainFlagsPlugin } from './plugins/chainFlags.ts'
import { islandPreloadPlugin } from './plugins/islandPreload/index.ts'
import { searchByLocalePlugin } from './plugins/searchByLocale/index.ts'
import { themeDataByLocalePlugin } from './plugins/themeDataByLocale/index.ts'
import { sourceRoutesPlugin } from './plugins/sourceRoutes.ts'
import { stablePageOrderPlugin } from './plugins/stablePageOrder.ts'
import { compileHints } from './bundler/compileHints.ts'
import { localeUiParts } from './bundler/localeUiParts.ts'
import { releaseSfcMemory } from './bundler/releaseSfcMemory.ts'
import { withPageScripts } from './bundler/pageScripts.ts'
import { ssrWorkerStub } from './bundler/ssrWorkerStub.ts'
import { serverInOneFile } from './bundler/serverInOneFile.ts'
import { removedPageImports } from './bundler/removedPageImports.ts'
import { ssrRouterHooksPlugin } from './plugins/ssrRouterHooks/index.ts'

const sfcMemory = releaseSfcMemory()

// Every locales/<dir>/locale.json; an invalid one stops here with errors naming the file and the field. A locale is
// configuration, and `vuepress dev` restarts when one changes (plugins/i18n/liveUpdate.ts); VuePress then re-imports
// this module from a cache keyed by its text, so what depends on the locale folders is read through getters, which
// VuePress calls anew at each start.
const site = discoveredSite()

export default defineUserConfig({
  title: SITE_TITLE,
  description: SITE_DESCRIPTION,
  // Only these become pages: the repository README and test fixtures must never collide with `/`.
  pagePatterns: ['docs/**/*.md', 'locales/**/*.md', '!.vuepress', '!node_modules'],
  dest: process.env.KJ_DIST || '.vuepress/dist',
  shouldPrefetch: false,
  get locales() {
    return site().locales.site
  },
  get templateBuildRenderer() {
    return htmlDirRenderer(site().locales.list.filter((l) => l.data.dir === 'rtl').map((l) => l.data.lang))
  },
  alias: {
    // The theme's own components, for the wrappers in theme/.
    '@theme-default-components': path.resolve(fileURLToPath(import.meta.resolve('@vuepress/theme-default/package.json')), '../dist/client/components'),
    // A lighter sidebar item: the theme's made up two thirds of the build's render time on a large reference.
    '@theme/VPSidebarItem.vue': path.resolve(import.meta.dirname, 'theme/VPSidebarItem.vue'),
    // The theme's data made once per app on the server, not in every component (theme/useData.ts).
    '@theme/useData': path.resolve(import.meta.dirname, 'theme/useData.ts'),
    // The sidebar's items resolved once per locale, not on every page.
    '@theme/useSidebarItems': path.resolve(import.meta.dirname, 'theme/useSidebarItems.ts'),
    // Chrome that hydrates on the reader's first input rather than with the page (theme/hydrateOnFirstInput.ts).
    '@theme/VPNavbarItems.vue': path.resolve(import.meta.dirname, 'theme/VPNavbarItems.ts'),
    '@theme/VPSidebarItems.vue': path.resolve(import.meta.dirname, 'theme/VPSidebarItems.ts'),
    '@theme/VPPageNav.vue': path.resolve(import.meta.dirname, 'theme/VPPageNav.ts'),
    // No edit link, date or contributors on any page: an empty footer instead of the git plugin's client.
    '@theme/VPPageMeta.vue': path.resolve(import.meta.dirname, 'theme/VPPageMeta.vue'),
  },
  bundler: viteBundler({ vuePluginOptions: { compiler: withPageScripts(sfcMemory.compiler) }, viteOptions: { plugins: [sfcMemory.plugin, compileHints(), localeUiParts(), ssrWorkerStub(), serverInOneFile(), removedPageImports()] } }),
  get theme() {
    return defaultTheme({
      // With a logo the brand link keeps an accessible name on phones, where the theme hides the site title.
      logo: '/logo.svg',
      locales: site().locales.theme,
      colorModeSwitch: true,
      contributors: false,
      lastUpdated: false,
      // Our link check (plugins/i18n/linkCheck.ts) covers every internal link, not only `.md` ones. No page has an
      // image to zoom or a `::: tabs` block: those two plugins would only add 4 KB (gzip) of JS to every page.
      // Nothing shows git dates or contributors (theme/VPPageMeta.vue), so no page's history is read.
      // No progress bar on navigation: a page chunk is a few KB and arrives at once, and the bar's script (≈1 KB
      // gzip on every page) kept translated journeys over the 100 KB first-load budget.
      themePlugins: { linksCheck: false, mediumZoom: false, tab: false, git: false, nprogress: false },
    })
  },
  get plugins() {
    const { locales, ui } = site()
    return [
      sourceRoutesPlugin(),
      noOptionsApiPlugin(),
      islandPreloadPlugin(),
      faviconPlugin({ href: '/logo.svg', type: 'image/svg+xml' }),
      ssrRouterHooksPlugin(),
      // `vuepress dev` only: the gateway and the devchain answer /rpc beside the pages.
      chainMountPlugin(),
      // Order matters: generated pages (reference, fallbacks, status) exist before navigation is built and links
      // are checked.
      rpcReferencePlugin(),
      journeyDifferencesPlugin(),
      pageMethodsPlugin(),
      openRpcPlugin({ methods: METHODS, version: packageVersion }),
      chainFlagsPlugin(),
      i18nPagesPlugin({ locales: locales.list }),
      statusPagePlugin({ locales: locales.list }),
      navigationPlugin({ themeLocales: locales.theme, ui }),
      // `vuepress dev` only: pages, fallbacks, status and navigation follow file edits; a locale.json edit restarts.
      i18nLiveUpdatePlugin({ locales: locales.list, themeLocales: locales.theme, ui }),
      linkCheckPlugin(),
      i18nClientPlugin(),
      searchPlugin({ locales: locales.search, maxSuggestions: 10, getExtraFields: searchExtraFields }),
      // After the search plugin: splits its index into one lazily loaded chunk per locale.
      searchByLocalePlugin(),
      themeDataByLocalePlugin(),
      // Last: the pages in one order (routes, search index), after every plugin has added its own.
      stablePageOrderPlugin(),
    ]
  },
})
