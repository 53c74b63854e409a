/**
 * The Oracles data formats against komodod's own vectors: the hex its test suite publishes with
 * `oraclesdata` and the strings `oraclessamples` prints for it (qa/pytest_komodo/cc_modules/
 * test_oracles.py), the oraclefeed example data (src/cc/dapps/oraclefeed.c), then round trips
 * and the form's validation.
 */
import { describe, expect, it } from 'vitest'
import {
  decodeData, encodeData, encodeField, formatError, intRange, matchesDataFormat, MAX_DATA_SIZE,
} from '../../../../../modules/oracles/spec/format.ts'
import { bytesToHex } from '../../../../../protocol/opret.ts'

const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16))
const h4 = 'ffffffff00000000'.repeat(4)

// [format, datum published by komodod's tests, what oraclessamples printed]
const KOMODOD_VECTORS: [string, string, string[]][] = [
  ['s', '05416e746f6e', ['Anton']],
  ['S', '0001' + '61'.repeat(256), ['a'.repeat(256)]],
  ['d', '0101', ['01']],
  ['D', '010001', ['01']],
  ['c', 'ff', ['-1']],
  ['C', 'ff', ['255']],
  ['t', 'ffff', ['-1']],
  ['T', 'ffff', ['65535']],
  ['i', 'ffffffff', ['-1']],
  ['I', 'ffffffff', ['4294967295']],
  ['l', '00000000ffffffff', ['-4294967296']],
  ['L', '00000000ffffffff', ['18446744069414584320']],
  ['h', '00000000ffffffff'.repeat(4), [h4]],
  ['Ihh', 'ffffffff' + '00000000ffffffff'.repeat(8), ['4294967295', h4, h4]],
]

describe('komodod vectors', () => {
  it.each(KOMODOD_VECTORS)('%s: oraclesdata accepts it and oraclessamples prints it', (format, data, printed) => {
    expect(matchesDataFormat(hex(data), format)).toBe(true)
    expect(decodeData(hex(data), format)).toEqual(printed)
  })

  it.each(KOMODOD_VECTORS)('%s: the form encodes the printed values to the same datum', (format, data, printed) => {
    expect(encodeData(format, printed)).toEqual({ hex: data })
  })

  it('oraclefeed.c examples: an L price and an s text', () => {
    expect(decodeData(hex('000000ff00000000'), 'L')).toEqual(['4278190080'])
    expect(decodeData(hex('03404040'), 's')).toEqual(['@@@'])
  })
})

describe('oracle_parse_data_format', () => {
  it('refuses data that is short, long, or a text outside bytes 32..127', () => {
    expect(matchesDataFormat(hex('ffff'), 'L')).toBe(false)
    expect(matchesDataFormat(hex('ffffffff00'), 'I')).toBe(false)
    expect(matchesDataFormat(hex('0241'), 's')).toBe(false)
    expect(matchesDataFormat(hex('01' + '0a'), 's')).toBe(false)
    expect(matchesDataFormat(hex('01' + '80'), 's')).toBe(false)
    expect(matchesDataFormat(hex('01' + '7f'), 's')).toBe(true)
    expect(matchesDataFormat(hex('01' + '80'), 'd')).toBe(true)
  })
  it('refuses an empty datum and any datum of an empty format', () => {
    expect(matchesDataFormat(new Uint8Array(), 'sL')).toBe(false)
    expect(matchesDataFormat(new Uint8Array(), '')).toBe(false)
    expect(matchesDataFormat(hex('00'), '')).toBe(false)
  })
  it('accepts an empty text, which komodod then prints as "" and stops', () => {
    expect(matchesDataFormat(hex('00ff'), 'sC')).toBe(true)
    expect(decodeData(hex('00ff'), 'sC')).toEqual([''])
  })
})

describe('OracleFormat', () => {
  it('stops after a field it cannot read, printing "" for it', () => {
    expect(decodeData(hex('2a05414243'), 'Cs')).toEqual(['42', ''])
  })
  it('prints only the fields the data holds', () => {
    expect(decodeData(hex('2a'), 'CCC')).toEqual(['42'])
  })
})

describe('encoding the reader\'s values', () => {
  it('round-trips every type at the edges of its range', () => {
    for (const t of ['c', 'C', 't', 'T', 'i', 'I', 'l', 'L']) {
      const { min, max } = intRange(t as 'c')!
      for (const v of [min, max, 0n]) {
        const r = encodeData(t, [v.toString()])
        expect(r).toHaveProperty('hex')
        expect(decodeData(hex((r as { hex: string }).hex), t)).toEqual([v.toString()])
      }
    }
  })
  it('writes integers little endian and length prefixes first', () => {
    expect(encodeData('sL', ['KMD', '100000'])).toEqual({ hex: '034b4d44' + 'a086010000000000' })
    expect(encodeData('S', ['ab'])).toEqual({ hex: '02006162' })
    expect(encodeData('D', ['beef'])).toEqual({ hex: '0200beef' })
  })
  it('reverses a hash typed in display order, as uint256 bytes', () => {
    const display = '00'.repeat(31) + '01'
    expect(encodeField('h', display)).toEqual([1, ...new Array(31).fill(0)])
  })
  it('names each field that does not fit', () => {
    expect(encodeData('CcsdhI', ['256', '-129', 'é', 'abc', '12', '1.5'])).toEqual({
      issues: [
        { index: 0, type: 'C', code: 'range' },
        { index: 1, type: 'c', code: 'range' },
        { index: 2, type: 's', code: 'ascii' },
        { index: 3, type: 'd', code: 'hex' },
        { index: 4, type: 'h', code: 'hash' },
        { index: 5, type: 'I', code: 'integer' },
      ],
    })
    expect(encodeData('s', ['x'.repeat(256)])).toEqual({ issues: [{ index: 0, type: 's', code: 'length' }] })
    expect(encodeData('S', ['x'.repeat(256)])).toHaveProperty('hex')
  })
  it('refuses a datum larger than oraclesdata takes', () => {
    const big = 'ab'.repeat(5000)
    expect(encodeData('DD', [big, big])).toEqual({ issues: [], size: 2 * (2 + 5000) })
    expect(MAX_DATA_SIZE).toBe(8192)
  })
  it('every encoded datum passes komodod\'s check', () => {
    const r = encodeData('sSdDcCtTiIlLh', ['Hi', 'there', '00ff', '', '-5', '5', '-300', '300', '-70000', '70000', '-1', '1', 'ab'.repeat(32)])
    expect(r).toHaveProperty('hex')
    const data = hex((r as { hex: string }).hex)
    expect(matchesDataFormat(data, 'sSdDcCtTiIlLh')).toBe(true)
    expect(bytesToHex(data).length).toBe(2 * data.length)
  })
})

describe('OracleCreate checks', () => {
  it('uses komodod\'s texts, in its order', () => {
    expect(formatError('x'.repeat(33), 'd', 's')).toBe('name.33 must be less then 32')
    expect(formatError('n', 'd'.repeat(4097), 's')).toBe('description.4097 must be less then 4096')
    expect(formatError('n', 'd', 'L'.repeat(4097))).toBe('format.4097 must be less then 4096')
    expect(formatError('', 'd', 's')).toBe('name must not be empty')
    expect(formatError('Test', 'Test', 'Test')).toBe('invalid format type')
    expect(formatError('n', '', '')).toBeNull()
    expect(formatError('n', 'd', 'Ihh')).toBeNull()
  })
})
