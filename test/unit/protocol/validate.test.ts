import { describe, expect, it } from 'vitest'
import { getMethod } from '../../../modules/catalog.ts'
import { type MethodSpec } from '../../../protocol/catalog.ts'
import { fieldFromValue, isRAddress, paramsFromFields, validateParams } from '../../../protocol/validate.ts'

const m = (name: string): MethodSpec => getMethod(name)!

describe('param validation against the catalog', () => {
  it('checks JSON types the way komodod reads them', () => {
    expect(validateParams(m('getblock'), ['1'])).toEqual([])
    expect(validateParams(m('getblock'), [1])[0]).toMatchObject({ code: 'type', expected: 'string' })
    expect(validateParams(m('getblockhash'), ['1'])[0]).toMatchObject({ code: 'type', expected: 'int' })
    expect(validateParams(m('tokencreate'), ['DOCS', '0.001', 'desc'])).toEqual([])
    expect(validateParams(m('getinfo'), ['x'])[0]).toMatchObject({ code: 'too-many' })
  })

  it('checks formats: txid, pubkey, coins, integer units, hex, addresses', () => {
    const tx = 'ab'.repeat(32)
    expect(validateParams(m('tokenbalance'), [tx, '02' + 'cd'.repeat(32)])).toEqual([])
    expect(validateParams(m('tokenbalance'), [tx, '04' + 'cd'.repeat(32)])[0]).toMatchObject({ code: 'format', format: 'pubkey' })
    expect(validateParams(m('faucetfund'), ['1.123456789'])[0]).toMatchObject({ format: 'coins' })
    expect(validateParams(m('tokentransfer'), [tx, '02' + 'cd'.repeat(32), '1.5'])[0]).toMatchObject({ format: 'integer' })
    expect(validateParams(m('sendrawtransaction'), ['abc'])[0]).toMatchObject({ format: 'hex' })
    expect(isRAddress('RYNBgpcanNdfy4oGLbnVYnPPtu5JWcZM8B')).toBe(true)
    expect(isRAddress('RYNBgpcanNdfy4oGLbnVYnPPtu5JWcZM8C')).toBe(false)
    expect(isRAddress('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe(false)
  })

  it('requires an optional param to be present when a later one is given', () => {
    expect(validateParams(m('tokencreate'), ['A', '1', undefined, 'ff'])[0]).toMatchObject({ index: 2, code: 'required' })
  })

  it('turns form fields into wire values and back', () => {
    const r = paramsFromFields(m('getblock'), ['  12 ', '2'])
    expect(r).toEqual({ params: ['12', 2], issues: [] })
    expect(paramsFromFields(m('getblock'), ['12', '']).params).toEqual(['12'])
    expect(paramsFromFields(m('getaddressbalance'), ['{"addresses":["R"]}']).params).toEqual([{ addresses: ['R'] }])
    expect(paramsFromFields(m('getaddressbalance'), ['{bad']).issues[0]).toMatchObject({ code: 'json' })
    expect(paramsFromFields(m('generate'), ['two']).issues[0]).toMatchObject({ code: 'type', expected: 'int' })
    expect(paramsFromFields(m('generate'), ['']).issues[0]).toMatchObject({ code: 'required' })
    expect(paramsFromFields(m('setgenerate'), [true, '2']).params).toEqual([true, 2])
    expect(fieldFromValue(m('getaddressbalance').params[0], { a: 1 })).toBe('{"a":1}')
  })
})
