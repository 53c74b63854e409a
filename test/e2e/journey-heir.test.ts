/**
 * The Heir journey, in every locale and on both chain transports the site offers (`npm start`'s
 * gateway with a fresh in-memory devchain, and the in-page chain of the static build), walked in
 * Chromium: the owner's plan, the heir refused with komodod's message, the clock moved two days in
 * one devchain-only action, the heir's claim paid, and the owner's spend restarting the clock so the
 * heir is refused again. On the in-page chain nothing ends recorded and nothing leaves the browser.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAllInPage, journeyShot, localePrefixes, localeTag, replyOf, useJourneyBrowser, walk, withChain, withStaticSite } from '../support/journeyWalk.ts'

useJourneyBrowser()

const REFUSAL = 'spending is not allowed yet for the heir'
const info = async (page: Page, nth: number) => JSON.parse((await replyOf(page, 'heirinfo', nth)) ?? '{}') as Record<string, string>
const claimError = (page: Page, nth: number) => page.locator('.kj-rpc[data-method="heirclaim"]').nth(nth).locator('.kj-error').textContent()

/** Walks the page and checks what the reader sees at each turn of the story. */
async function walkHeir(page: Page, url: string, shot: string): Promise<void> {
  const states = await walk(page, url)
  expect(states, states.join()).toEqual(['done', 'done', 'done', 'done', 'done', 'done'])
  const first = await info(page, 0)
  expect(first).toMatchObject({ type: 'coins', lifetime: '1.00000000', available: '1.00000000', InactivityTimeSetting: '86400', IsHeirSpendingAllowed: 'false' })
  expect(await claimError(page, 0)).toContain(REFUSAL)
  // The clock step stamped its block two days after the tip it started from.
  const clock = page.locator('.kj-clock time')
  const [before, after] = await Promise.all([0, 1].map(async (i) => Date.parse((await clock.nth(i).getAttribute('datetime'))!)))
  expect(after - before).toBe(172_800_000)
  const later = await info(page, 1)
  expect(later.IsHeirSpendingAllowed).toBe('true')
  expect(later).not.toHaveProperty('InactivityTime')
  expect(await replyOf(page, 'heirclaim', 1)).toContain('"result": "success"')
  expect(await info(page, 2)).toMatchObject({ available: '0.50000000', IsHeirSpendingAllowed: 'true' })
  expect(await info(page, 3)).toMatchObject({ available: '0.40000000', IsHeirSpendingAllowed: 'false', InactivityTime: '0' })
  expect(await claimError(page, 3)).toContain(REFUSAL)
  await page.screenshot({ path: shot, fullPage: true })
}

describe.each(localePrefixes)('the Heir journey in %s', (prefix) => {
  it('through the gateway: plan, early claim refused, two days on, claim paid, owner\'s spend restarts the clock', { timeout: 300_000 }, async () => {
    await withChain((url, page) => walkHeir(page, `${url}${prefix}journeys/heir.html`, journeyShot(prefix, 'heir')))
  })

  it('on the in-page chain of the static build: the same story, none recorded, nothing sent to /rpc', { timeout: 300_000 }, async () => {
    const tag = localeTag(prefix)
    await withStaticSite(async (url, page, sent) => {
      await walkHeir(page, `${url}${prefix}journeys/heir.html?chain=page&seed=inpage-heir-${tag}`, journeyShot(prefix, 'inpage-heir'))
      await expectAllInPage(page, sent, url)
    })
  })
})
