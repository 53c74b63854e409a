/**
 * The Rewards module's isomorphic half: plan names packed as komodod's stringbits, the OP_RETURN
 * payloads byte for byte (src/cc/rewards.cpp E_MARSHAL layouts, written out here independently), the
 * reward formula of RewardsCalc on both sides of its limits, and the transaction views.
 */
import { describe, expect, it } from 'vitest'
import {
  decodeRewardsFunding, decodeRewardsOpret, encodeRewardsFunding, encodeRewardsOpret, FUNCID, stringbits, unstringbits, validPlanName,
} from '../../../../modules/rewards/spec/opret.ts'
import { decodeRewardsPayload, viewRewardsPayload } from '../../../../modules/rewards/spec.ts'
import { rewardsCalc } from '../../../../modules/rewards/rules.ts'
import { bytesToHex, hexToBytes } from '../../../../protocol/opret.ts'

const COIN = 100_000_000n
const FUNDING = 'c0ffee00000000000000000000000000000000000000000000000000000000a1'
const AFTER_HARDFORK = 1_700_000_000

describe('plan names (stringbits)', () => {
  it('packs the first byte lowest, as komodod does', () => {
    // 'D'=0x44 'O'=0x4f 'C'=0x43 'S'=0x53 → 0x53434f44
    expect(stringbits('DOCS')).toBe(0x53434f44n)
    expect(unstringbits(0x53434f44n)).toBe('DOCS')
    expect(stringbits('ABCDEFGH')).toBe(0x4847464544434241n)
  })
  it('keeps eight bytes at most and stops at a NUL, like a C string', () => {
    expect(stringbits('ABCDEFGHIJ')).toBe(stringbits('ABCDEFGH'))
    expect(stringbits('AB\u0000CD')).toBe(stringbits('AB'))
  })
  it('VALID_PLAN_NAME counts bytes: 8 ASCII characters pass, 9 or 5 two-byte ones do not', () => {
    expect(validPlanName('ABCDEFGH')).toBe(true)
    expect(validPlanName('ABCDEFGHI')).toBe(false)
    expect(validPlanName('ÄÄÄÄ')).toBe(true)
    expect(validPlanName('ÄÄÄÄÄ')).toBe(false)
  })
})

describe('OP_RETURN payloads', () => {
  it("'F' carries sbits, APR, minseconds, maxseconds and mindeposit as little-endian uint64s", () => {
    const terms = { sbits: stringbits('DOCS'), APR: 25n * COIN, minseconds: 86400n, maxseconds: 864000n, mindeposit: 10n * COIN }
    const hex = bytesToHex(encodeRewardsFunding(terms))
    expect(hex).toBe('e546' + '444f435300000000' + '00f9029500000000' + '8051010000000000' + '002f0d0000000000' + '00ca9a3b00000000')
    expect(decodeRewardsFunding(hexToBytes(hex))).toEqual(terms)
    expect(decodeRewardsOpret('ab'.repeat(32), hexToBytes(hex))).toEqual({ funcid: FUNCID.fund, sbits: terms.sbits, fundingtxid: 'ab'.repeat(32) })
  })
  it("'A', 'L' and 'U' carry sbits and the fundingtxid as a uint256 (display hex reversed)", () => {
    for (const f of [FUNCID.add, FUNCID.lock, FUNCID.unlock]) {
      const p = encodeRewardsOpret(f, stringbits('DOCS'), FUNDING)
      expect(bytesToHex(p)).toBe(`e5${f.toString(16)}444f435300000000${hexToBytes(FUNDING).reverse().reduce((s, b) => s + b.toString(16).padStart(2, '0'), '')}`)
      expect(decodeRewardsOpret('00'.repeat(32), p)).toEqual({ funcid: f, sbits: stringbits('DOCS'), fundingtxid: FUNDING })
    }
  })
  it('refuses what E_UNMARSHAL refuses: a byte short or a byte over, another eval code, another funcid', () => {
    const p = encodeRewardsOpret(FUNCID.lock, 1n, FUNDING)
    expect(decodeRewardsOpret('', p.subarray(0, p.length - 1))).toBeNull()
    expect(decodeRewardsOpret('', Uint8Array.from([...p, 0]))).toBeNull()
    expect(decodeRewardsOpret('', Uint8Array.from([0xe4, ...p.subarray(1)]))).toBeNull()
    expect(decodeRewardsOpret('', Uint8Array.from([0xe5, 0x58, ...p.subarray(2)]))).toBeNull()
    expect(decodeRewardsFunding(p)).toBeNull()
  })
})

describe('RewardsCalc', () => {
  const terms = { APR: 25n * COIN, minseconds: 86400n, maxseconds: 864000n }
  it('pays nothing before the minimum time, and from it on amount·APR·duration / (COIN·100·year)', () => {
    expect(rewardsCalc(10n * COIN, 86399, terms, AFTER_HARDFORK)).toBe(0n)
    // 10 coins at 25% for one day: 1e9 · 25e8 · 86400 / (1e8 · 100 · 31536000) = 684931.5… sat
    expect(rewardsCalc(10n * COIN, 86400, terms, AFTER_HARDFORK)).toBe(684931n)
  })
  it('counts no more than the maximum time', () => {
    expect(rewardsCalc(10n * COIN, 20 * 86400, terms, AFTER_HARDFORK)).toBe(rewardsCalc(10n * COIN, 10 * 86400, terms, AFTER_HARDFORK))
    expect(rewardsCalc(10n * COIN, 10 * 86400, terms, AFTER_HARDFORK)).toBe(6849315n)
  })
  it('never pays more than the deposit', () => {
    expect(rewardsCalc(1000n, 400 * 365 * 86400, { ...terms, maxseconds: 1n << 40n }, AFTER_HARDFORK)).toBe(1000n)
  })
  it('uses the pre-2019 rounding before the December 2019 hardfork timestamp', () => {
    // ((amount·duration / year) · (APR / 1e6)) / 10000 = ((1e9·86400/31536000) · 2500) / 10000 = 2739726·2500/10000
    expect(rewardsCalc(10n * COIN, 86400, terms, 1_576_840_000)).toBe(684931n)
    expect(rewardsCalc(10n * COIN + 7n, 86400, { ...terms, APR: 25n * COIN + 999_999n }, 1_576_840_000)).toBe(684931n)
    // the exact formula keeps what the old one truncated: (1e9+7)·(25e8+999999)·86400 / (1e8·100·31536000)
    expect(rewardsCalc(10n * COIN + 7n, 86400, { ...terms, APR: 25n * COIN + 999_999n }, AFTER_HARDFORK)).toBe(685205n)
  })
})

describe('transaction views', () => {
  it('names the plan and its terms', () => {
    const f = decodeRewardsPayload(encodeRewardsFunding({ sbits: stringbits('DOCS'), APR: 25n * COIN, minseconds: 86400n, maxseconds: 864000n, mindeposit: 10n * COIN }))
    expect(f).toMatchObject({ module: 'Rewards', kind: 'fund', name: 'DOCS', APR: '25.00000000', mindays: 1, maxdays: 10, mindeposit: '10.00000000' })
    expect(viewRewardsPayload(f!)).toEqual({
      summary: { key: 'rewards.tx.fund', values: { name: 'DOCS' } },
      details: [{ key: 'rewards.tx.terms', values: ['25.00000000', '1', '10', '10.00000000'] }],
    })
    const u = decodeRewardsPayload(encodeRewardsOpret(FUNCID.unlock, stringbits('DOCS'), FUNDING))
    expect(viewRewardsPayload(u!)).toEqual({
      summary: { key: 'rewards.tx.unlock', values: { name: 'DOCS' } },
      details: [{ key: 'rewards.tx.plan', values: [FUNDING], code: true }],
    })
  })
})
