/**
 * The Oracles OP_RETURN payloads, byte for byte as komodod's E_MARSHAL writes them, and the
 * E_UNMARSHAL rules for reading them back (every field there, nothing after).
 */
import { describe, expect, it } from 'vitest'
import {
  decodeOracleCreate, decodeOracleData, decodeOracleOpret, encodeOracleCreate, encodeOracleData, encodeOracleOpret, FUNCID,
} from '../../../../../modules/oracles/spec/opret.ts'
import { decodeOraclesPayload, viewOraclesPayload } from '../../../../../modules/oracles/spec.ts'

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
const bytes = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16))
const txid = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const reversed = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100'
const pk = '02' + 'ab'.repeat(32)

describe('create', () => {
  it('ec C <name> <format> <description>', () => {
    const p = encodeOracleCreate({ name: 'DOCS', description: 'desc', format: 'Ihh' })
    expect(hex(p)).toBe('ec43' + '04444f4353' + '03496868' + '0464657363')
    expect(decodeOracleCreate(p)).toEqual({ name: 'DOCS', description: 'desc', format: 'Ihh' })
  })
  it('refuses trailing bytes and other funcids', () => {
    expect(decodeOracleCreate(bytes('ec43' + '04444f4353' + '03496868' + '0464657363' + '00'))).toBeNull()
    expect(decodeOracleCreate(bytes('ec52' + '00' + '00' + '00'))).toBeNull()
  })
})

describe('fund, register, subscribe', () => {
  it('ec R <uint256 oracletxid> <vec pubkey> <int64 LE>', () => {
    const p = encodeOracleOpret({ funcid: FUNCID.register, oracletxid: txid, pubkey: pk, num: 1_000_000n })
    expect(hex(p)).toBe('ec52' + reversed + '21' + pk + '40420f0000000000')
    expect(decodeOracleOpret(p)).toEqual({ funcid: FUNCID.register, oracletxid: txid, pubkey: pk, num: 1_000_000n })
  })
  it('reads negative amounts as komodod\'s int64 does', () => {
    const p = encodeOracleOpret({ funcid: FUNCID.subscribe, oracletxid: txid, pubkey: pk, num: -100n })
    expect(decodeOracleOpret(p)?.num).toBe(-100n)
  })
  it('is not a create or data payload', () => {
    const p = encodeOracleOpret({ funcid: FUNCID.fund, oracletxid: txid, pubkey: pk, num: 10_000n })
    expect(decodeOracleCreate(p)).toBeNull()
    expect(decodeOracleData(p)).toBeNull()
    expect(decodeOracleOpret(p.subarray(0, p.length - 1))).toBeNull()
  })
})

describe('data', () => {
  it('ec D <oracletxid> <prev batontxid> <vec publisher> <vec data>', () => {
    const p = encodeOracleData({ oracletxid: txid, batontxid: txid, publisher: pk, data: bytes('034b4d44') })
    expect(hex(p)).toBe('ec44' + reversed + reversed + '21' + pk + '04034b4d44')
    expect(decodeOracleData(p)).toMatchObject({ oracletxid: txid, batontxid: txid, publisher: pk })
    expect(hex(decodeOracleData(p)!.data)).toBe('034b4d44')
  })
})

describe('transaction views', () => {
  it('name each payload and its fields', () => {
    const reg = decodeOraclesPayload(encodeOracleOpret({ funcid: FUNCID.register, oracletxid: txid, pubkey: pk, num: 10_000n }))!
    expect(reg).toMatchObject({ module: 'Oracles', evalCode: 0xec, kind: 'register', num: '10000' })
    expect(viewOraclesPayload(reg)?.summary).toEqual({ key: 'oracle.tx.register', values: { oracletxid: '0011223344…ccddeeff', datafee: '10000' } })
    const c = decodeOraclesPayload(encodeOracleCreate({ name: 'N', description: 'D', format: 'L' }))!
    expect(viewOraclesPayload(c)?.summary).toEqual({ key: 'oracle.tx.create', values: { name: 'N', format: 'L' } })
    expect(decodeOraclesPayload(bytes('ec58'))).toBeNull()
  })
})
