/**
 * The Assets codec and komodod's fill arithmetic (src/cc/CCassetsCore.cpp, src/wallet/rpcwallet.cpp),
 * with the values komodod's int64 and double arithmetic give, rounding losses included.
 */
import { describe, expect, it } from 'vitest'
import {
  askFillPayment, decodeAssetData, decodeAssetsOpret, encodeAssetData, encodeAssetsOpret, setAskFillamounts, setBidFillamounts,
  totalSats, validateAskRemainder, validateBidRemainder, ASSETS_GLOBAL_CC_ADDRESS, ASSETS_GLOBAL_PUBKEY, ASSETS_METHODS,
} from '../../../../modules/assets/spec.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const bytes = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'))
const OWNER = bytes('03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc')
const TOKENID = 'c5bbc34e6517c483afc910a3b0585c40da5c09b7c5d2d9757c5c5075e2d41b59'

describe('the Assets payload (EncodeAssetOpRet)', () => {
  it('orders and fills carry an int64 LE price and the owner; cancels carry nothing', () => {
    expect(hex(encodeAssetData('s', 10_000_000, OWNER))).toBe(`e3738096980000000000` + `21${hex(OWNER)}`)
    expect(hex(encodeAssetData('B', 40, OWNER))).toBe(`e3422800000000000000` + `21${hex(OWNER)}`)
    expect(hex(encodeAssetData('x', 0, OWNER))).toBe('e378')
    expect(hex(encodeAssetData('o', 0, OWNER))).toBe('e36f')
    expect(() => encodeAssetData('t' as never, 0, OWNER)).toThrow(/illegal funcid/)
  })

  it('decodes only what E_UNMARSHAL accepts: every byte read, nothing after a cancel', () => {
    expect(decodeAssetData(encodeAssetData('S', 6_000_000, OWNER))).toEqual({ funcid: 'S', price: 6_000_000, origpubkey: OWNER })
    expect(decodeAssetData(bytes(hex(encodeAssetData('S', 1, OWNER)) + '00'))).toBeNull()
    expect(decodeAssetData(bytes('e37800'))).toBeNull()
    expect(decodeAssetData(bytes('e373'))).toBeNull()
    expect(decodeAssetData(bytes('f273'))).toBeNull()
    // A negative remainder (int64) survives the round trip.
    expect(decodeAssetData(encodeAssetData('B', -500, OWNER))?.price).toBe(-500)
  })
})

describe('the whole OP_RETURN: a Tokens transfer opret with the Assets blob 0x12', () => {
  it('matches the layout komodod writes for an ask', () => {
    const global = bytes(ASSETS_GLOBAL_PUBKEY)
    const payload = encodeAssetsOpret({ tokenid: TOKENID, voutPubkeys: [global], funcid: 's', price: 10_000_000, origpubkey: OWNER })
    expect(hex(payload)).toBe(`f274${TOKENID}0121${ASSETS_GLOBAL_PUBKEY}122ce3738096980000000000` + `21${hex(OWNER)}`)
    expect(decodeAssetsOpret(payload)).toEqual({ tokenid: TOKENID, voutPubkeys: [global], funcid: 's', price: 10_000_000, origpubkey: OWNER })
  })

  it('reads the old layout, whose Assets data follows the pubkeys with no blob id', () => {
    const data = encodeAssetData('b', 1000, OWNER)
    const old = bytes(`f274${TOKENID}00${data.length.toString(16)}${hex(data)}`)
    expect(decodeAssetsOpret(old)).toMatchObject({ tokenid: TOKENID, funcid: 'b', price: 1000, voutPubkeys: [] })
  })

  it('refuses other payloads: a creation, a plain transfer, more than two pubkeys', () => {
    expect(decodeAssetsOpret(bytes(`f263${'21' + hex(OWNER)}0141`))).toBeNull()
    expect(decodeAssetsOpret(bytes(`f274${TOKENID}0121${hex(OWNER)}`))).toBeNull()
    expect(decodeAssetsOpret(bytes(`f274${TOKENID}03`))).toBeNull()
    expect(() => encodeAssetsOpret({ tokenid: TOKENID, voutPubkeys: [OWNER, OWNER, OWNER], funcid: 'x', price: 0, origpubkey: OWNER })).toThrow()
  })
})

describe('tokenask/tokenbid totals: (price * numtokens) * COIN + 0.0000000049999, truncated', () => {
  it('gives komodod\'s satoshis, a double\'s rounding loss included', () => {
    expect(totalSats(0.0001, 1000)).toBe(10_000_000)
    expect(totalSats(0.29, 1)).toBe(29_000_000)
    expect(totalSats(0.1, 3)).toBe(30_000_000)
    // 0.57 * 100 is 56.99999999999999 in doubles: komodod asks one satoshi less than 57 coins.
    expect(totalSats(0.57, 100)).toBe(5_699_999_999)
    expect(totalSats(0, 100)).toBe(0)
  })
})

describe('asks (SetAskFillamounts / ValidateAskRemainder)', () => {
  it('a partial fill: units for the coins paid, what is still asked', () => {
    const paid = askFillPayment(1000, 10_000_000, 400)
    expect(paid).toBe(4_000_000)
    expect(setAskFillamounts(1000, paid, 10_000_000)).toEqual({ ok: true, receivedAssetoshis: 400, remainingNValue: 6_000_000, paidNValue: 4_000_000 })
  })

  it('paying the whole price or more fills the whole ask, at its price', () => {
    expect(setAskFillamounts(1000, askFillPayment(1000, 10_000_000, 5000), 10_000_000))
      .toEqual({ ok: true, receivedAssetoshis: 1000, remainingNValue: 0, paidNValue: 10_000_000 })
  })

  it('double truncation can leave a buyer with nothing: 3 units for 100 sats, one unit wanted', () => {
    const paid = askFillPayment(3, 100, 1)
    expect(paid).toBe(33)
    expect(setAskFillamounts(3, paid, 100)).toMatchObject({ ok: false, receivedAssetoshis: 0 })
  })

  it('refuses paying below the unit price, amounts that do not add up, zeros', () => {
    expect(validateAskRemainder(6_000_000, 600, 1000, 400, 4_000_000, 10_000_000)).toBe(true)
    expect(validateAskRemainder(6_000_001, 600, 1000, 400, 3_999_999, 10_000_000)).toBe(false)
    expect(validateAskRemainder(6_000_000, 500, 1000, 500, 4_000_000, 10_000_000)).toBe(false)
    expect(validateAskRemainder(6_000_000, 600, 1000, 401, 4_000_000, 10_000_000)).toBe(false)
    expect(validateAskRemainder(0, 0, 1000, 1000, 0, 10_000_000)).toBe(false)
    // Overpaying is the buyer's choice.
    expect(validateAskRemainder(5_000_000, 600, 1000, 400, 5_000_000, 10_000_000)).toBe(true)
  })
})

describe('bids (SetBidFillamounts / ValidateBidRemainder)', () => {
  it('a partial fill takes unit price × units, in integer satoshis', () => {
    expect(setBidFillamounts(2_000_000, 60, 100)).toEqual({ ok: true, receivedNValue: 1_200_000, remainingUnits: 40, paidUnits: 60 })
    // 1,000,000 sats for 3 units: 333,333 a unit, the odd satoshi stays in the bid.
    expect(setBidFillamounts(1_000_000, 1, 3)).toEqual({ ok: true, receivedNValue: 333_333, remainingUnits: 2, paidUnits: 1 })
  })

  it('filling more than is wanted fills what is wanted, for all the coins', () => {
    expect(setBidFillamounts(800_000, 500, 40)).toEqual({ ok: true, receivedNValue: 800_000, remainingUnits: 0, paidUnits: 40 })
  })

  it('refuses taking fewer coins a unit than the bid pays, and sums that do not add up', () => {
    expect(validateBidRemainder(40, 800_000, 2_000_000, 1_200_000, 60, 100)).toBe(true)
    expect(validateBidRemainder(-500, 1_999_999, 2_000_000, 1, 600, 100)).toBe(false)
    expect(validateBidRemainder(40, 800_001, 2_000_000, 1_200_000, 60, 100)).toBe(false)
    expect(validateBidRemainder(41, 800_000, 2_000_000, 1_200_000, 60, 100)).toBe(false)
    // komodod only bounds the price from below: a filler may take more coins a unit than the bid offers.
    expect(validateBidRemainder(99, 0, 2_000_000, 2_000_000, 1, 100)).toBe(true)
  })
})

describe('catalog entries', () => {
  it('every parameter is a JSON string; builders are cc-build, reads cc-info', () => {
    const names = ASSETS_METHODS.map((m) => m.name)
    expect(names).toEqual(['assetsaddress', 'tokenorders', 'mytokenorders', 'tokenask', 'tokenbid', 'tokenfillask', 'tokenfillbid', 'tokencancelask', 'tokencancelbid'])
    for (const m of ASSETS_METHODS) {
      expect(m.params.every((p) => p.type === 'string')).toBe(true)
      expect(m.safety).toBe(/^token(ask|bid|fill|cancel)/.test(m.name) ? 'cc-build' : 'cc-info')
    }
    expect(ASSETS_GLOBAL_CC_ADDRESS).toBe('RGKRjeTBw4LYFotSDLT6RWzMHbhXri6BG6')
  })
})
