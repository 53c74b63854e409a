import { viteBundler } from '@vuepress/bundler-vite'
import { searchPlugin } from '@vuepress/plugin-search'
import { defaultTheme } from '@vuepress/theme-default'
import { defineUserConfig } from 'vuepress'
import { discoverLocales } from './locales/discover.ts'
import { sourceRoutesPlugin } from './plugins/sourceRoutes.ts'

const locales = discoverLocales()

export default defineUserConfig({
  title: 'Komodo Journeys',
  description: 'Developer journeys for Komodo Smart Chains, run live against a chain.',
  // Only these become pages: the repository README and test fixtures must never collide with `/`.
  pagePatterns: ['docs/**/*.md', 'locales/**/*.md', '!.vuepress', '!node_modules'],
  dest: process.env.KJ_DIST || '.vuepress/dist',
  shouldPrefetch: false,
  locales: locales.site,
  bundler: viteBundler(),
  theme: defaultTheme({
    locales: locales.theme,
    colorModeSwitch: true,
    contributors: false,
    lastUpdated: false,
  }),
  plugins: [
    sourceRoutesPlugin(),
    searchPlugin({ locales: locales.search, maxSuggestions: 10 }),
  ],
})
