import { describe, expect, it } from 'vitest'
import {
  ccAddress, ccAddressOfScript, ccScript, conditionBinary, conditionOfScript, describeCCScript, makeCCcond1, makeCCcond1of2, makeTokensCCcond1,
  makeTokensCCcond1of2, costOf,
} from '../../../../devchain/cc/condition.ts'
import { EVAL, EVAL_NAMES } from '../../../../protocol/evalCodes.ts'
import { MODULES } from '../../../../modules/registry.ts'
import { bytesToHex, hexToBytes, pubkeyAddress } from '../../../../devchain/cc/hashes.ts'
import { komodoFixtures } from '../../../support/fixtures.ts'

// Reference §3.3: global CC address and normal address of each module.
const VECTORS: [string, number, string, string, string][] = [
  ['Assets', 0xe3, '02adf84e0e075cf90868bd4e3d34a03420e034719649c41f371fc70d8e33aa2702', 'RGKRjeTBw4LYFotSDLT6RWzMHbhXri6BG6', 'RFYE2yL3KknWdHK6uNhvWacYsCUtwzjY3u'],
  ['Faucet', 0xe4, '03682b255c40d0cde8faee381a1a50bbb89980ff24539cb8518e294d3a63cefe12', 'R9zHrofhRbub7ER77B7NrVch3A63R39GuC', 'RKQV4oYs4rvxAWx1J43VnT73rSTVtUeckk'],
  ['Rewards', 0xe5, '03da60379d924c2c30ac290d2a86c2ead128cb7bd571f69211cb95356e2dcc5eb9', 'RTsRBYL1HSvMoE3qtBJkyiswdVaWkm8YTK', 'RMgye9jeczNjQx9Uzq8no8pTLiCSwuHwkz'],
  ['Dice', 0xe6, '039d966927cfdadab3ee6c56da63c21f17ea753dde4b3dfd41487103e24b27e94e', 'REabWB7KjFN5C3LFMZ5odExHPenYzHLtVw', 'RLEe8f7Eg3TDuXii9BmNiiiaVGraHUt25c'],
  ['Heir', 0xea, '03c91bef3d7cc59c3a89286833a3446b29e52a5e773f738a1ad2b09785e5f4179e', 'RDVHcSekmXgeYBqRupNTmqo3Rn8QRXNduy', 'RTPwUjKYECcGn6Y4KYChLhgaht1RSU4jwf'],
  ['Channels', 0xeb, '035debdb19b1c98c615259339500511d6216a3ffbeb28ff5655a7ef5790a12ab0b', 'RQy3rwX8sP9oDm3c39vGKA6H315cgtPLfr', 'RQUuT8zmkvDfXqECH4m3VD3SsHZAfnoh1v'],
  ['Oracles', 0xec, '038c1d42db6a45a57eccb8981b078fb7857b9b496293fe299d2b8d120ac5b5691a', 'REt2C4ZMnX8YYX1DRpffNA4hECZTFm39e3', 'RHkFKzn1csxA3fWzAsxsLWohoCgBbirXb5'],
  ['Payments', 0xf0, '0358f1764f82c63abc7c7455555fd1d3184905e30e819e97667e247e5792b46856', 'REpyKi7avsVduqZ3eimncK4uKqSArLTGGK', 'RHRX8RTMAh2STWe9DHqsvJbzS7ty6aZy3d'],
  ['Gateways', 0xf1, '03ea9c062b9652d8eff34879b504eda0717895d27597aaeb60347d65eed96ccb40', 'RKWpoK6vTRtq5b9qrRBodLkCzeURHeEk33', 'RGJKV97ZN1wBfunuMt1tebiiHENNEq73Yh'],
  ['Tokens', 0xf2, '03e6191c70c9c9a28f9fd87089b9488d0e6c02fb629df64979c9cdb6b2b4a68d95', 'RAMvUfoyURBRxAdVeTMHxn3giJZCFWeha2', 'RCNgAngYAdrfzujYyPgfbjCGNVQZzCgTad'],
]

const FAUCET_COND = 'a22c8020e029c511da55523565835887e412e5a0c9b920801b007000df45e545f25028248103120c008203000401'

describe('CC conditions and addresses (reference §3.3)', () => {
  it.each(VECTORS)('%s: global CC address and normal address', (_name, evalCode, pubkey, ccAddr, normal) => {
    expect(ccAddress(evalCode, hexToBytes(pubkey))).toBe(ccAddr)
    expect(pubkeyAddress(hexToBytes(pubkey))).toBe(normal)
  })

  it('eval table and registered module specs carry the same keys', () => {
    for (const [name, evalCode] of VECTORS) expect(EVAL_NAMES[evalCode]).toBe(name)
    for (const m of MODULES) {
      const v = VECTORS.find(([name]) => name === m.name)
      expect(v, m.name).toBeDefined()
      expect([m.evalCode, m.globalPubkey, m.globalAddress]).toEqual([v![1], v![2], v![3]])
    }
  })

  it('per-user Faucet vector', () => {
    expect(ccAddress(EVAL.FAUCET, hexToBytes('03fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abc'))).toBe('RSxACZQhskPjQyxp7TUPG1oP1wm4agFycJ')
  })

  it('faucet condition binary and its cost', () => {
    const cond = makeCCcond1(EVAL.FAUCET, hexToBytes(VECTORS[1][2]))
    expect(bytesToHex(conditionBinary(cond))).toBe(FAUCET_COND)
    expect(costOf(cond)).toBe(1182720)
    expect(bytesToHex(ccScript(cond))).toBe(`2e${FAUCET_COND}cc`)
  })

  it('tokens variant: three children, all required, cost 2·1048576 + 132096 + 3·1024', () => {
    const pk = hexToBytes(VECTORS[1][2])
    const cond = makeTokensCCcond1(EVAL.FAUCET, pk)
    expect(costOf(cond)).toBe(2 * 1048576 + 132096 + 3 * 1024)
    const bin = conditionBinary(cond)
    expect(bin.length).toBe(46)
    expect(bytesToHex(bin).slice(-20)).toBe('8103221000820300040' + '1')
    expect(bytesToHex(conditionBinary(makeTokensCCcond1(EVAL.TOKENS, pk)))).toBe(bytesToHex(conditionBinary(makeCCcond1(EVAL.TOKENS, pk))))
  })

  it('recognises CC scripts and nothing else', () => {
    expect(bytesToHex(conditionOfScript(hexToBytes(`2e${FAUCET_COND}cc`))!)).toBe(FAUCET_COND)
    expect(conditionOfScript(hexToBytes('2103fe754763c176e1339a3f62ee6b9484720e17ee4646b65a119e9f6370c7004abcac'))).toBeNull()
    expect(conditionOfScript(hexToBytes(`2d${FAUCET_COND}cc`))).toBeNull()
  })

  it('decoded CC output equals the recorded fixture F19', () => {
    const fixtures = komodoFixtures
    const f = fixtures.responses.find((r: { id: string }) => r.id === 'faucetfund-decoded-vout0').result_vout0
    const d = describeCCScript(hexToBytes(f.scriptPubKey.hex))!
    expect({ asm: d.asm, hex: f.scriptPubKey.hex, reqSigs: d.reqSigs, type: d.type, addresses: d.addresses }).toEqual(f.scriptPubKey)
  })

  // developer-docs antara-api/channels.md: channelsaddress with the node's own pubkey (its 1of2 of the
  // same key twice), and the 1of2 funding output of a recorded channelsclose between 02d343… and 0257e1….
  it('1of2 conditions: the recorded Channels addresses and funding output', () => {
    const a = hexToBytes('02d3431950c2f0f9654217b6ce3d44468d3a9ca7255741767fdeee7c5ec6b47567')
    const b = hexToBytes('0257e1074b542c47cd6f603e3d78400045df0781875f698138e92cb03055286634')
    expect(ccAddressOfScript(ccScript(makeCCcond1of2(EVAL.CHANNELS, a, a)))).toBe('RSSfafKpi6b5TFmyGDh5aTXLJuyrMxQyjs')
    expect(ccAddressOfScript(ccScript(makeTokensCCcond1of2(EVAL.CHANNELS, a, a)))).toBe('RFgEqotRmMrhhEkEyUpxGDZD7DR1TncV8c')
    const funding = 'a22c80205a8d5650f7e869c80fbe5b5e9b04d909f86800a579e21a26404799a98c47e0ff81031210008203000401'
    expect(bytesToHex(conditionBinary(makeCCcond1of2(EVAL.CHANNELS, a, b)))).toBe(funding)
    expect(bytesToHex(conditionBinary(makeCCcond1of2(EVAL.CHANNELS, b, a)))).toBe(funding)
    expect(costOf(makeCCcond1of2(EVAL.CHANNELS, a, b))).toBe(0x121000)
    expect(bytesToHex(conditionBinary(makeTokensCCcond1of2(EVAL.TOKENS, a, b)))).toBe(bytesToHex(conditionBinary(makeCCcond1of2(EVAL.TOKENS, a, b))))
  })
})
