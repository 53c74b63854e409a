import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { coreWireDefine } from './.vuepress/plugins/pageMethods.ts'
import { localeUiParts } from './.vuepress/bundler/localeUiParts.ts'

const vuepressClientMock = fileURLToPath(new URL('./test/unit/mocks/vuepress-client.ts', import.meta.url))
const browserPlatform = fileURLToPath(new URL('./devchain/platform/browser/index.ts', import.meta.url))
// The engine's tests (the devchain and its CC modules), again on the browser platform: one engine, two platforms.
const engineTests = ['test/unit/devchain/**/*.test.ts', 'test/unit/devchain-cc/**/*.test.ts', 'test/unit/modules/**/*.test.ts']

// One project per layer of the test pyramid (the unit layer twice: on Node and on the engine's browser
// platform); `npm test` runs them in this order.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue(), localeUiParts()],
        resolve: { alias: { 'vuepress/client': vuepressClientMock } },
        // What the site's build defines for the components (komodod's core methods in wire form).
        define: Object.fromEntries(Object.entries(coreWireDefine()).map(([name, value]) => [name, JSON.stringify(value)])),
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Through Vite, so a test can stand in for the `@theme/*` aliases its modules import (useSidebarItems.test.ts),
          // and for the build's routes that VuePress's client reads (plainLink.test.ts, also through @vuepress/helper).
          server: { deps: { inline: ['@vuepress/theme-default', '@vuepress/client', '@vuepress/helper'] } },
        },
      },
      {
        resolve: { alias: { '#platform': browserPlatform } },
        test: {
          name: 'unit-browser',
          include: engineTests,
          // The browser platform's proof-of-work workers are Web Workers, which Node lacks (startPowWorker → null;
          // modules/faucet/powWorkerBrowser.test.ts runs the browser worker's file in a worker thread instead);
          // Vue panels are page code, not engine code: the unit project (with the Vue plugin) runs them.
          // A module's own panel test is named after its component (PascalCase), e.g. assets/OrderBook.test.ts.
          exclude: ['test/unit/modules/faucet/pow.test.ts', 'test/unit/modules/**/panels.test.ts', 'test/unit/modules/**/[A-Z]*.test.ts'],
          environment: 'node',
          env: { KJ_ENGINE_PLATFORM: 'browser' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // it.concurrent walks (inPageJourneys.test.ts) share one browser, two pages at a time: their
          // waits overlap, and a 2-core CI machine is not asked for more.
          maxConcurrency: 2,
        },
      },
    ],
  },
})
