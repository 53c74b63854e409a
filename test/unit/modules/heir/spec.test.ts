/**
 * The Heir OP_RETURN codec, byte for byte as komodod's E_MARSHAL writes it (src/cc/heir.cpp
 * EncodeHeirCreateOpRet, EncodeHeirOpRet; src/cc/CCtokenutils.cpp EncodeTokenOpRet for token plans),
 * and what the transaction view makes of it.
 */
import { describe, expect, it } from 'vitest'
import { bytesToHex, hexToBytes } from '../../../../protocol/opret.ts'
import { encodeTokenTransfer } from '../../../../modules/tokens/spec.ts'
import { decodeHeirEither, encodeTokenPlanPayload } from '../../../../modules/heir/rules.ts'
import { decodeHeirPayload, encodeHeirPlan, encodeHeirRef, heir, HEIR_FUNCID, OPRETID_HEIRDATA } from '../../../../modules/heir/spec.ts'

const OWNER = hexToBytes(`02${'aa'.repeat(32)}`)
const HEIR = hexToBytes(`03${'bb'.repeat(32)}`)
const FUNDING = `${'12'.repeat(31)}34`
const TOKENID = `${'56'.repeat(31)}78`
const plan = { ownerPubkey: OWNER, heirPubkey: HEIR, inactivityTime: 86_400n, heirName: 'docs', memo: 'hi' }

describe('Heir OP_RETURN codec', () => {
  it('writes a plan as ea F <vec owner> <vec heir> <int64 LE> <str name> <str memo>', () => {
    const hex = bytesToHex(encodeHeirPlan(plan))
    expect(hex).toBe(`ea46` + `21${bytesToHex(OWNER)}` + `21${bytesToHex(HEIR)}` + '8051010000000000' + '04646f6373' + '026869')
    expect(decodeHeirPayload(hexToBytes(hex))).toEqual({ funcId: HEIR_FUNCID.FUND, ...plan })
  })

  it('writes adds and claims as ea A|C <fundingtxid, display order> <flag>', () => {
    const add = encodeHeirRef(HEIR_FUNCID.ADD, { fundingtxid: FUNDING, heirSpendingBegun: 0 })
    expect(bytesToHex(add)).toBe(`ea41${FUNDING}00`)
    expect(decodeHeirPayload(encodeHeirRef(HEIR_FUNCID.CLAIM, { fundingtxid: FUNDING, heirSpendingBegun: 1 })))
      .toEqual({ funcId: HEIR_FUNCID.CLAIM, fundingtxid: FUNDING, heirSpendingBegun: 1 })
  })

  it('refuses what E_UNMARSHAL refuses: trailing or missing bytes, another funcid or eval code', () => {
    const add = encodeHeirRef(HEIR_FUNCID.ADD, { fundingtxid: FUNDING, heirSpendingBegun: 0 })
    expect(decodeHeirPayload(Uint8Array.of(...add, 0))).toBeNull()
    expect(decodeHeirPayload(add.subarray(0, add.length - 1))).toBeNull()
    expect(decodeHeirPayload(Uint8Array.of(0xea, 0x42, ...add.subarray(2)))).toBeNull()
    expect(decodeHeirPayload(Uint8Array.of(0xe4, ...add.subarray(1)))).toBeNull()
  })

  it('finds the Heir data of a token plan under opret id 0x15 of the Tokens payload', () => {
    const payload = encodeTokenPlanPayload(TOKENID, OWNER, HEIR, encodeHeirPlan(plan))
    expect(payload[payload.length - encodeHeirPlan(plan).length - 2]).toBe(OPRETID_HEIRDATA)
    expect(bytesToHex(payload.subarray(0, 35))).toBe(`f274${TOKENID}02`)
    expect(decodeHeirEither(payload)).toEqual({ tokenid: TOKENID, heir: { funcId: HEIR_FUNCID.FUND, ...plan } })
    expect(decodeHeirEither(encodeHeirPlan(plan))).toEqual({ tokenid: null, heir: { funcId: HEIR_FUNCID.FUND, ...plan } })
    expect(decodeHeirEither(encodeTokenTransfer({ tokenid: TOKENID, destPubkeys: [OWNER] }))).toBeNull()
  })

  it('names a plan and its spends in the transaction view', () => {
    const fund = heir.decodeOpReturn(encodeHeirPlan(plan))!
    expect(fund).toMatchObject({ module: 'Heir', kind: 'fund', name: 'docs', inactivityTime: '86400', owner: bytesToHex(OWNER) })
    expect(heir.viewOpReturn(fund)?.summary).toEqual({ key: 'heir.tx.fund', values: { name: 'docs' } })
    const claim = heir.decodeOpReturn(encodeHeirRef(HEIR_FUNCID.CLAIM, { fundingtxid: FUNDING, heirSpendingBegun: 1 }))!
    expect(heir.viewOpReturn(claim)).toEqual({
      summary: { key: 'heir.tx.claim', values: { fundingtxid: `${FUNDING.slice(0, 10)}…${FUNDING.slice(-8)}` } },
      details: [{ key: 'heir.tx.begun', values: ['true'], code: true }],
    })
  })
})
