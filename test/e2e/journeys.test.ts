/**
 * Every journey, in every locale, walked step by step in Chromium against `npm start` (gateway +
 * devchain with the default fixed seed): each Run/Mine/Send is clicked in page order, as a reader
 * would, and what the reader sees at the end is asserted. A fresh in-memory chain per walk keeps the
 * faucet's fresh-address rule honest. Each journey's final state is saved as a screenshot artifact.
 * A new journey gets a file of its own beside this one (`journey-<name>.test.ts`), on the same walk.
 */
import { describe, expect, it } from 'vitest'
import { journeyShot, localePrefixes, replyOf, runPart, useJourneyBrowser, walk, withChain } from '../support/journeyWalk.ts'
import { oracleStrings } from '../../modules/oracles/spec/strings.ts'
import { readFileSync } from 'node:fs'

useJourneyBrowser()

describe.each(localePrefixes)('journeys in %s', (prefix) => {
  const shot = (name: string) => journeyShot(prefix, name)

  it('your own chain: getinfo, blocks, block 1 and its coinbase', async () => {
    await withChain(async (url, page) => {
      const states = await walk(page, `${url}${prefix}journeys/your-own-chain.html`)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      expect(await replyOf(page, 'getinfo')).toContain('"name": "DOCS"')
      expect(await page.locator('.kj-mine table tbody tr').count()).toBe(3)
      expect(await replyOf(page, 'getblock')).toContain('"height": 1')
      expect(await replyOf(page, 'getrawtransaction')).toContain('"coinbase"')
      await page.screenshot({ path: shot('your-own-chain'), fullPage: true })
    })
  })

  it('first transaction: send one coin to the reader and decode it', async () => {
    await withChain(async (url, page) => {
      const states = await walk(page, `${url}${prefix}journeys/first-transaction.html`)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      expect(await replyOf(page, 'getbalance')).toMatch(/^\s*1(\.0+)?\s*$/m)
      expect(await replyOf(page, 'gettransaction')).toMatch(/"confirmations": [1-9]/)
      expect(await replyOf(page, 'decoderawtransaction')).toContain('"versiongroupid": "892f2085"')
      await page.screenshot({ path: shot('first-transaction'), fullPage: true })
    })
  })

  it('raw transaction: create, sign on the miner (not on the reader), broadcast, follow the outputs', async () => {
    await withChain(async (url, page) => {
      const states = await walk(page, `${url}${prefix}journeys/raw-transaction.html`)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      expect(await replyOf(page, 'listunspent')).toMatch(/"amount": 1(\.0+)?,/)
      expect(await replyOf(page, 'decoderawtransaction')).toMatch(/"expiryheight": \d+/)
      expect(await replyOf(page, 'signrawtransaction', 0)).toContain('"complete": true')
      const refused = await replyOf(page, 'signrawtransaction', 1)
      expect(refused).toContain('"complete": false')
      expect(refused).toContain('Operation not valid with the current stack size')
      expect(await replyOf(page, 'gettxout', 0)).toContain('"confirmations": 0')
      expect(await replyOf(page, 'gettxout', 0)).toContain('"value": 0.9999')
      expect((await replyOf(page, 'gettxout', 1))?.trim()).toBe('null')
      await page.screenshot({ path: shot('raw-transaction'), fullPage: true })
    })
  })

  it('faucet: fund, claim 0.1 with a 00…00 txid, and see a second claim refused', async () => {
    await withChain(async (url, page) => {
      const states = await walk(page, `${url}${prefix}journeys/faucet.html`)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      const claimTxid = await page.locator('.kj-broadcast').nth(1).locator('[data-field="txid"]').textContent()
      expect(claimTxid).toMatch(/^00[0-9a-f]{60}00$/)
      expect(await replyOf(page, 'getbalance')).toMatch(/^\s*0\.1(0*)\s*$/m)
      const refusal = await page.locator('.kj-broadcast').nth(2).locator('[role="alert"]').textContent()
      expect(refusal).toContain('-26')
      expect(refusal).toContain('16: mandatory-script-verify-flag-failed')
      await page.screenshot({ path: shot('faucet'), fullPage: true })
    })
  })

  it('tokens: create, transfer 1,000 units to the reader, balances, an NFT', async () => {
    await withChain(async (url, page) => {
      const states = await walk(page, `${url}${prefix}journeys/tokens.html`)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      expect(await replyOf(page, 'tokeninfo')).toContain('"supply": 100000')
      expect(await replyOf(page, 'tokenbalance', 0)).toContain('"balance": 99000')
      expect(await replyOf(page, 'tokenbalance', 1)).toContain('"balance": 1000')
      expect(await replyOf(page, 'tokeninfo', 1)).toContain('"data": "f70101"')
      await page.screenshot({ path: shot('tokens'), fullPage: true })
    })
  })

  it('oracles: create, register, subscribe, publish two prices, read them back; the form refuses in the reader\'s language', async () => {
    await withChain(async (url, page) => {
      const states = await walk(page, `${url}${prefix}journeys/oracles.html`)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      const samples = async (nth: number) => (JSON.parse((await replyOf(page, 'oraclessamples', nth)) ?? '{}') as { samples: { data: string[] }[] }).samples
      // The samples change: one after the first datum, two (newest first) at the end.
      expect((await samples(0)).map((s) => s.data)).toEqual([['KMD', '100000']])
      expect((await samples(1)).map((s) => s.data)).toEqual([['KMD', '110000'], ['KMD', '100000']])
      const rows = page.locator('.kj-oracle-samples [data-field="sample"]')
      expect(await rows.count()).toBe(2)
      expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe('KMD')
      expect(await rows.nth(0).locator('td').nth(2).textContent()).toBe('110000')
      expect(await page.locator('.kj-oracle-samples [data-field="funds"]').textContent()).toBe('0.08000000')
      // A price too large for its L field never leaves the page; the message is in the page's language.
      const form = page.locator('.kj-oracle-data').first()
      await form.locator('[data-field="value-1"]').fill('18446744073709551616')
      const sent: string[] = []
      page.on('request', (r) => { if (r.method() === 'POST') sent.push(r.postData() ?? '') })
      await form.locator('.kj-run').click()
      const dir = prefix === '/' ? null : prefix.slice(1, -1)
      const range = dir
        ? (JSON.parse(readFileSync(`locales/${dir}/locale.json`, 'utf8')) as { ui: { oracle: typeof oracleStrings } }).ui.oracle.issues.range
        : oracleStrings.issues.range
      await expect.poll(() => form.locator('.kj-field-error').textContent()).toBe(range.replace('{min}', '0').replace('{max}', '18446744073709551615'))
      expect(sent.filter((body) => body.includes('oraclesdata'))).toEqual([])
      await page.screenshot({ path: shot('oracles'), fullPage: true })
    })
  })

  it('assets: an ask, a partial fill with both sides\' balances, a cancel, a filled bid, the order book panel', async () => {
    await withChain(async (url, page) => {
      const states = await walk(page, `${url}${prefix}journeys/assets.html`)
      expect(states.every((s) => s === 'done'), states.join()).toBe(true)
      const num = async (method: string, nth: number, key?: string) => {
        const text = (await replyOf(page, method, nth)) ?? ''
        return Number(key ? new RegExp(`"${key}": (\\d+(?:\\.\\d+)?)`).exec(text)?.[1] : text.trim())
      }
      expect(await replyOf(page, 'tokenorders', 0)).toMatch(/"funcid": "s"[\s\S]*"amount": "1000"/)
      // Units: miner 99,000 after the ask; reader 0 → 400 after the fill → 500 after the bid; miner 99,600 after the cancel.
      expect(await num('tokenbalance', 0, 'balance')).toBe(99000)
      expect(await num('tokenbalance', 1, 'balance')).toBe(0)
      expect(await num('tokenbalance', 2, 'balance')).toBe(400)
      expect(await num('tokenbalance', 3, 'balance')).toBe(99600)
      expect(await num('tokenbalance', 4, 'balance')).toBe(500)
      // Coins: the reader paid 0.04 + marker + fee; the miner received the 0.04 (and mined meanwhile).
      expect(await num('getbalance', 0)).toBe(1)
      expect(await num('getbalance', 2)).toBeCloseTo(0.9598, 8)
      expect(await num('getbalance', 3) - await num('getbalance', 1)).toBeGreaterThanOrEqual(0.04)
      expect(await replyOf(page, 'tokenorders', 1)).toMatch(/"funcid": "S"[\s\S]*"amount": "600"/)
      // The panel reads the same chain: the book is empty again, the reader holds 500 units.
      const panel = page.locator('.kj-orderbook')
      await panel.locator('[data-action="refresh"]').click()
      await expect.poll(() => panel.locator('[data-node="reader"] [data-field="tokens"]').textContent(), { timeout: 30_000 }).toMatch(/^500\b/)
      expect(await panel.locator('[data-field="orders"] tbody tr[data-side]').count()).toBe(0)
      // An ask placed with the form, as the miner: after a block it is on the book and 50 units left the miner.
      await panel.locator('select').first().selectOption('miner')
      await panel.locator('[data-form="place"] input').first().fill('50')
      await panel.locator('[data-form="place"] button[type="submit"]').click()
      await expect.poll(() => panel.locator('[data-field="txid"]').count(), { timeout: 30_000 }).toBe(1)
      await panel.locator('[data-action="mine"]').click()
      await expect.poll(() => panel.locator('[data-field="orders"] tbody tr[data-side="ask"]').count(), { timeout: 30_000 }).toBe(1)
      await expect.poll(() => panel.locator('[data-node="miner"] [data-field="tokens"]').textContent(), { timeout: 30_000 }).toMatch(/^99450 \(−50\)/)
      await page.screenshot({ path: shot('assets'), fullPage: true })
    })
  })
})
