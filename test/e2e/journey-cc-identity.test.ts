/**
 * The "Your CC identity and addresses" journey, in every locale and on both chain transports the site
 * offers (the gateway's devchain behind `npm start`, and the in-page chain of a static build): every
 * address the reader is shown (global, per-pubkey, normal, tokens) must equal the one derived from
 * the reference's recipe (test/support/refCCAddress.ts, independent of the devchain's condition
 * code), and the decoded transfer must pay the reader's Tokens CC address with an OP_RETURN that
 * names the reader's pubkey.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAllInPage, journeyShot, localePrefixes, replyOf, useJourneyBrowser, walk, withChain, withStaticSite } from '../support/journeyWalk.ts'
import { refCCAddress, refCCTokensAddress, refNormalAddress } from '../support/refCCAddress.ts'
import { hexToBytes } from '../../devchain/cc/hashes.ts'
import { moduleById } from '../../modules/registry.ts'

// The reference derivations, over pubkeys in hex as the replies print them.
const ccAddressOf = (evalCode: number, pubkey: string) => refCCAddress(evalCode, hexToBytes(pubkey))
const ccTokensAddressOf = (evalCode: number, pubkey: string) => refCCTokensAddress(evalCode, hexToBytes(pubkey))
const normalAddressOf = (pubkey: string) => refNormalAddress(hexToBytes(pubkey))

useJourneyBrowser()

const reply = async (page: Page, method: string, nth = 0): Promise<any> => JSON.parse((await replyOf(page, method, nth)) ?? 'null')

/** What a `<module>address` reply must say for the global key of module `id`, asked by `me` about `asked`. */
function expectedAddresses(id: string, me: string, asked: string): Record<string, string> {
  const m = moduleById(id)!
  const n = m.name
  return {
    [`${n}CCAddress`]: ccAddressOf(m.evalCode, m.globalPubkey),
    [`${n}NormalAddress`]: normalAddressOf(m.globalPubkey),
    ...(id === 'tokens' ? {} : { [`${n}CCTokensAddress`]: ccTokensAddressOf(m.evalCode, m.globalPubkey) }),
    [`PubkeyCCaddress(${n})`]: ccAddressOf(m.evalCode, asked),
    [`myCCAddress(${n})`]: ccAddressOf(m.evalCode, me),
    myaddress: normalAddressOf(me),
  }
}

const addressesOf = (r: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => /Address|address/.test(k)))

// The derivation the walk is checked against must itself reproduce the reference's published vectors.
describe('the independent derivation (reference §3.3)', () => {
  it('gives the reference\'s global, normal and per-pubkey addresses', () => {
    const faucet = '03682b255c40d0cde8faee381a1a50bbb89980ff24539cb8518e294d3a63cefe12'
    expect(ccAddressOf(0xe4, faucet)).toBe('R9zHrofhRbub7ER77B7NrVch3A63R39GuC')
    expect(normalAddressOf(faucet)).toBe('RKQV4oYs4rvxAWx1J43VnT73rSTVtUeckk')
    expect(ccAddressOf(0xe4, '03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc')).toBe('RSxACZQhskPjQyxp7TUPG1oP1wm4agFycJ')
    expect(ccAddressOf(0xf2, '03e6191c70c9c9a28f9fd87089b9488d0e6c02fb629df64979c9cdb6b2b4a68d95')).toBe('RAMvUfoyURBRxAdVeTMHxn3giJZCFWeha2')
    // The tokens form differs from the plain one, and equals it for Tokens' own eval code (reference §3.3).
    expect(ccTokensAddressOf(0xe4, faucet)).not.toBe(ccAddressOf(0xe4, faucet))
    expect(ccTokensAddressOf(0xf2, faucet)).toBe(ccAddressOf(0xf2, faucet))
  })
})

/** Walks the journey at `url` and checks everything the reader was shown. */
async function walkAndCheck(page: Page, url: string): Promise<void> {
  const states = await walk(page, url)
  expect(states.every((s) => s === 'done'), states.join()).toBe(true)

  const reader = (await reply(page, 'getinfo', 0)).pubkey as string
  const miner = (await reply(page, 'getinfo', 1)).pubkey as string
  expect(reader).toMatch(/^0[23][0-9a-f]{64}$/)
  expect(miner).toMatch(/^0[23][0-9a-f]{64}$/)
  expect(reader).not.toBe(miner)

  // Every address line, and only those, in komodod's key names (no TokensCCTokensAddress for Tokens).
  expect(addressesOf(await reply(page, 'faucetaddress'))).toEqual(expectedAddresses('faucet', reader, reader))
  expect(addressesOf(await reply(page, 'tokenaddress'))).toEqual(expectedAddresses('tokens', reader, reader))
  const oracles = addressesOf(await reply(page, 'oraclesaddress'))
  expect(oracles).toEqual(expectedAddresses('oracles', reader, miner))
  expect(oracles['PubkeyCCaddress(Oracles)']).not.toBe(oracles['myCCAddress(Oracles)'])

  // myaddress is the reader's own key.
  const mine = await reply(page, 'validateaddress')
  expect([mine.address, mine.ismine, mine.pubkey]).toEqual([normalAddressOf(reader), true, reader])

  // The decoded transfer: vout 0 pays the reader's Tokens CC address; the OP_RETURN ends with the reader's pubkey.
  const decoded = await reply(page, 'decoderawtransaction')
  const tokensEval = moduleById('tokens')!.evalCode
  expect(decoded.vout[0].scriptPubKey.type).toBe('cryptocondition')
  expect(decoded.vout[0].scriptPubKey.addresses).toEqual([ccAddressOf(tokensEval, reader)])
  expect(decoded.vout[0].scriptPubKey.hex).toMatch(/^2ea22c8020[0-9a-f]{64}8103120c008203000401cc$/)
  const opret = decoded.vout.at(-1).scriptPubKey
  expect(opret.type).toBe('nulldata')
  expect(opret.asm).toMatch(new RegExp(`^OP_RETURN f274[0-9a-f]{64}0121${reader}$`))
  // The CC input's fulfillment reveals the miner's pubkey and the Tokens eval code.
  const ccInput = decoded.vin.find((v: { scriptSig: { asm: string } }) => v.scriptSig.asm.startsWith('a2'))
  expect(ccInput.scriptSig.asm).toContain(`a5658021${miner}8140`)
  expect(ccInput.scriptSig.asm).toContain('af038001f2')

  // The site's own view of the mined transfer labels the output and decodes the payload.
  const view = page.locator('.kj-txview')
  const out0 = view.locator('tbody tr[data-cc]').first()
  await expect.poll(() => out0.getAttribute('data-cc')).toBe('Tokens')
  expect(await out0.locator('code').textContent()).toBe(ccAddressOf(tokensEval, reader))
  expect(await view.locator('.kj-opret[data-kind="transfer"] code').last().textContent()).toBe(reader)
}

describe.each(localePrefixes)('journey cc-identity in %s', (prefix) => {
  it('over /rpc: the reader\'s pubkey, each module\'s addresses as the reference derives them, a CC transfer read', async () => {
    await withChain(async (url, page) => {
      await walkAndCheck(page, `${url}${prefix}journeys/cc-identity.html`)
      await page.screenshot({ path: journeyShot(prefix, 'cc-identity'), fullPage: true })
    })
  })

  it('on the in-page chain of a static build: the same, with nothing sent to /rpc', { timeout: 240_000 }, async () => {
    await withStaticSite(async (url, page, sent) => {
      await walkAndCheck(page, `${url}${prefix}journeys/cc-identity.html?chain=page&seed=inpage-cc-identity`)
      await expectAllInPage(page, sent, url)
      await page.screenshot({ path: journeyShot(prefix, 'inpage-cc-identity'), fullPage: true })
    })
  })
})
