/**
 * Nothing on a journey page moves when its chrome hydrates: the chain picker's bar has the same box in the
 * server render (scripts off) as once the picker knows the chain, on a phone and on a desktop, whichever
 * chain answers. It once grew a line when it learned the chain and pushed the page down (Lighthouse CLS 0.06).
 */
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGatewayFromEnv } from '../../server/gateway/index.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { sharedDist } from '../support/site.ts'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  const gateway = await createGatewayFromEnv({ devchainDataDir: null, env: { GATEWAY_LOG_LEVEL: 'silent', GATEWAY_RATE_PER_SEC: '0' } })
  server = await startServer({ dist: sharedDist(), port: 0, host: '127.0.0.1', gateway })
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const VIEWPORTS = { phone: { width: 412, height: 823 }, desktop: { width: 1280, height: 900 } }

/** The picker bar's box and the page title's top, with scripts off (the server render) or once the picker has hydrated. */
async function boxes(route: string, viewport: { width: number; height: number }, scripts: boolean, ready?: string) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: scripts, isMobile: viewport.width < 500 })
  try {
    const page = await context.newPage()
    await page.goto(`${server.url}${route}`)
    if (ready) await page.locator(ready).waitFor()
    return await page.evaluate(() => {
      const bar = document.querySelector('.kj-page-chain')!.getBoundingClientRect()
      return { height: bar.height, width: bar.width, title: document.querySelector('h1')!.getBoundingClientRect().top }
    })
  } finally {
    await context.close()
  }
}

describe('the chain picker keeps its size as it hydrates', () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`on a ${name}, on this site's chain and on the in-page one`, async () => {
      const server = await boxes('/journeys/faucet.html', viewport, false)
      expect(server.height).toBeGreaterThan(0)
      // This site's chain: the picker learns its kind, name and height.
      expect(await boxes('/journeys/faucet.html', viewport, true, '.kj-picker [data-field="chain"]')).toEqual(server)
      // The in-page chain: a "New chain" button joins "Change chain".
      expect(await boxes('/journeys/faucet.html?chain=page', viewport, true, '.kj-picker [data-action="new-chain"]')).toEqual(server)
    })
  }
})
