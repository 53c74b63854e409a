/**
 * The Rewards journey walked in Chromium in every locale, on both chain transports the site offers
 * (the real gateway with a fresh devchain, and the in-page chain of the static build): a plan opened and funded, 10 coins locked by the reader, the early unlock refused with
 * komodod's text, the chain's clock moved a day by the devchain-only step, and the unlock paying
 * the deposit plus 0.00684931 coin of reward. On the in-page chain nothing ends recorded and nothing
 * leaves the browser.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAllInPage, journeyShot, localePrefixes, localeTag, replyOf, useJourneyBrowser, walk, withChain, withStaticSite } from '../support/journeyWalk.ts'

useJourneyBrowser()

/** Walks the page and checks what the reader sees: the refusal, the day's jump, the reward. */
async function walkRewards(page: Page, url: string, shot: string): Promise<void> {
  const states = await walk(page, url)
  expect(states.every((s) => s === 'done'), states.join()).toBe(true)
  const info = JSON.parse((await replyOf(page, 'rewardsinfo', 0)) ?? '{}')
  expect(info).toMatchObject({ name: 'DOCS', APR: '25.00000000', minseconds: 86400, maxseconds: 864000, funding: '100.00000000' })
  // The refusal the reader sees: komodod's text, inside the page's own words for a soft error.
  const early = page.locator('.kj-rpc[data-method="rewardsunlock"]').nth(0)
  expect(await early.getAttribute('data-state')).toBe('failed')
  expect(await early.locator('[role="alert"]').textContent()).toContain('reward 0 is <= the transaction fee')
  // The clock moved exactly a day between two blocks.
  const times = await page.locator('.kj-clock time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)))
  expect(times[1] - times[0]).toBe(86_400_000)
  // The reward: 10 coins at 25% for one day.
  const payout = JSON.parse((await replyOf(page, 'getrawtransaction', 0)) ?? '{}') as { vout: { value: number; n: number }[] }
  expect(payout.vout[1].value).toBe(10.00684931)
  expect(await replyOf(page, 'getrawtransaction', 0)).toContain('"value": 10.00684931')
  const after = JSON.parse((await replyOf(page, 'rewardsinfo', 2)) ?? '{}')
  expect(after).toMatchObject({ locked: '0.00000000', funding: '149.99305069' })
  await page.screenshot({ path: shot, fullPage: true })
}

describe.each(localePrefixes)('the Rewards journey in %s', (prefix) => {
  it('through the gateway: refuses the early unlock, moves the clock a day, and pays deposit plus reward', { timeout: 300_000 }, async () => {
    await withChain((url, page) => walkRewards(page, `${url}${prefix}journeys/rewards.html`, journeyShot(prefix, 'rewards')))
  })

  it('on the in-page chain of the static build: the same story, none recorded, nothing sent to /rpc', { timeout: 300_000 }, async () => {
    const tag = localeTag(prefix)
    await withStaticSite(async (url, page, sent) => {
      await walkRewards(page, `${url}${prefix}journeys/rewards.html?chain=page&seed=inpage-rewards-${tag}`, journeyShot(prefix, 'inpage-rewards'))
      await expectAllInPage(page, sent, url)
    })
  })
})
