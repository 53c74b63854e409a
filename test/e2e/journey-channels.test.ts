/**
 * The Channels journey in every locale, walked in Chromium against `npm start` (gateway + devchain):
 * open 10 × 0.1 to the reader, 101 confirmations, a payment, two more with one secret, the reader's
 * replay of a used secret refused, close, an early refund refused, the refund, a second one refused.
 * The secrets the page shows must hash to the open's hash chain. Walked on both transports the
 * site offers: this site's /rpc (gateway + devchain) and the in-page chain of the static build.
 */
import { describe, expect, it } from 'vitest'
import { sha256 } from '@noble/hashes/sha2.js'
import type { Page } from 'playwright-core'
import { expectAllInPage, journeyShot, localePrefixes, localeTag, replyOf, useJourneyBrowser, walk, withChain, withStaticSite } from '../support/journeyWalk.ts'

useJourneyBrowser()

/** SHA256 n times over a uint256 printed reversed, as komodod prints secrets. */
function hashed(display: string, n: number): string {
  let h = Uint8Array.from(Buffer.from(display, 'hex').reverse())
  for (let i = 0; i < n; i++) h = sha256(h)
  return Buffer.from(h.reverse()).toString('hex')
}

/** What the reader must see at the end of the walk, on any chain. */
async function expectChannelWalked(page: Page, states: string[], shot: string): Promise<void> {
  expect(states.every((s) => s === 'done'), states.join()).toBe(true)
  const info = JSON.parse((await replyOf(page, 'channelsinfo', 0)) ?? '{}') as { Transactions: { Secret?: string; 'Payments left'?: number }[] }
  const [, first, second] = info.Transactions
  expect([first['Payments left'], second['Payments left']]).toEqual([9, 7])
  // The secrets chain: the second hashed twice is the first.
  expect(hashed(second.Secret!, 2)).toBe(first.Secret)
  // The first secret is in the payment's OP_RETURN as the transaction view shows it.
  await expect.poll(() => page.locator('.kj-txview').nth(1).textContent()).toContain(first.Secret!)
  const alert = (method: string, nth: number) => page.locator(`.kj-rpc[data-method="${method}"]`).nth(nth).locator('[role="alert"]').textContent()
  expect(await alert('channelspayment', 0)).toContain('channelsopen tx not yet confirmed/notarized')
  expect(await alert('channelspayment', 3)).toContain('invalid secret supplied')
  expect(await alert('channelsrefund', 0)).toContain('channelsclose tx not yet confirmed/notarized')
  expect(await alert('channelsrefund', 2)).toContain('error adding CC inputs')
  expect(await replyOf(page, 'getbalance')).toMatch(/^\s*1\.3(0*)\s*$/m)
  const final = JSON.parse((await replyOf(page, 'channelsinfo', 1)) ?? '{}') as { Transactions: Record<string, unknown>[] }
  expect(final.Transactions.at(-1)).toMatchObject({ Amount: 70_000_000 })
  await page.screenshot({ path: shot, fullPage: true })
}

describe.each(localePrefixes)('channels journey in %s', (prefix) => {
  it('over /rpc: opens, pays twice with revealed secrets, closes and refunds the rest', { timeout: 300_000 }, async () => {
    await withChain(async (url, page) => {
      await expectChannelWalked(page, await walk(page, `${url}${prefix}journeys/channels.html`), journeyShot(prefix, 'channels'))
    })
  })

  it('on the in-page chain of the static build: the same walk, nothing sent to /rpc', { timeout: 300_000 }, async () => {
    await withStaticSite(async (url, page, sent) => {
      const lang = localeTag(prefix)
      const states = await walk(page, `${url}${prefix}journeys/channels.html?chain=page&seed=inpage-channels-${lang}`)
      await expectChannelWalked(page, states, journeyShot(prefix, 'inpage-channels'))
      await expectAllInPage(page, sent, url)
    })
  })
})
