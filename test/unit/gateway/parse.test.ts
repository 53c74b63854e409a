import { describe, expect, it } from 'vitest'
import { jsonDepthExceeds, parseBody, serializeCall } from '../../../server/gateway/parse.ts'

const limits = { maxBatch: 20, maxDepth: 32 }
const parse = (text: string | Uint8Array) => parseBody(typeof text === 'string' ? Buffer.from(text) : text, limits)

describe('parseBody: komodod envelope rules', () => {
  it('accepts "jsonrpc":"1.0", no jsonrpc, absent or null params', () => {
    for (const body of [
      '{"jsonrpc":"1.0","id":"x","method":"getinfo","params":[]}',
      '{"method":"getinfo","params":[]}',
      '{"method":"getinfo"}',
      '{"method":"getinfo","params":null,"id":7}',
    ]) {
      const r = parse(body)
      expect(r.kind).toBe('single')
      if (r.kind === 'single') expect(r.item.call).toMatchObject({ method: 'getinfo', params: [] })
    }
  })

  it('echoes the id and keeps positional params', () => {
    const r = parse('{"id":{"a":1},"method":"getblock","params":["1",2]}')
    expect(r).toEqual({ kind: 'single', item: { call: { method: 'getblock', params: ['1', 2], id: { a: 1 } }, id: { a: 1 } } })
  })

  it.each([
    ['not json', -32700, 'Parse error', 500],
    ['', -32700, 'Parse error', 500],
    ['42', -32700, 'Top-level object parse error', 500],
    ['"getinfo"', -32700, 'Top-level object parse error', 500],
    ['null', -32700, 'Top-level object parse error', 500],
  ])('%j → %i %s', (body, code, message, status) => {
    expect(parse(body)).toEqual({ kind: 'error', error: { code, message, status } })
  })

  it.each([
    ['{"params":[]}', 'Missing method'],
    ['{"method":null}', 'Missing method'],
    ['{"method":1}', 'Method must be a string'],
    ['{"method":["getinfo"]}', 'Method must be a string'],
    ['{"method":"getinfo","params":{"a":1}}', 'Params must be an array'],
    ['{"method":"getinfo","params":"x"}', 'Params must be an array'],
  ])('%s → -32600 %s (HTTP 400)', (body, message) => {
    const r = parse(body)
    expect(r.kind).toBe('single')
    if (r.kind === 'single') expect(r.item.error).toEqual({ code: -32600, message, status: 400 })
  })

  it('checks every batch element on its own', () => {
    const r = parse('[{"method":"getinfo","id":1}, 5, {"id":3}, {"method":"x","params":1,"id":4}]')
    expect(r.kind).toBe('batch')
    if (r.kind !== 'batch') return
    expect(r.items.map((i) => i.error?.message ?? i.call?.method)).toEqual([
      'getinfo', 'Invalid Request object', 'Missing method', 'Params must be an array',
    ])
    expect(r.items.map((i) => i.id)).toEqual([1, null, 3, 4])
  })

  it('refuses batches over the limit', () => {
    const body = JSON.stringify(Array.from({ length: 21 }, () => ({ method: 'getinfo' })))
    expect(parse(body)).toMatchObject({ kind: 'error', error: { code: -32600, status: 400 } })
    expect(parse(JSON.stringify(Array.from({ length: 20 }, () => ({ method: 'getinfo' })))).kind).toBe('batch')
  })

  it('refuses invalid UTF-8 and deep nesting as parse errors', () => {
    expect(parse(Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])).kind).toBe('error')
    expect(parse('{"method":"a","params":' + '['.repeat(40) + ']'.repeat(40) + '}')).toMatchObject({ kind: 'error', error: { code: -32700 } })
    expect(parse('{"method":"a","params":' + '['.repeat(10) + ']'.repeat(10) + '}').kind).toBe('single')
  })

  it('does not count brackets inside strings as nesting', () => {
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[[[\\"[[[[' }), 3)).toBe(false)
    expect(jsonDepthExceeds('[[[[', 3)).toBe(true)
  })

  it('reads only own keys: __proto__ cannot smuggle a method', () => {
    const r = parse('{"__proto__":{"method":"dumpprivkey","params":["R"]}}')
    expect(r.kind).toBe('single')
    if (r.kind === 'single') expect(r.item.error?.message).toBe('Missing method')
  })

  it('re-serializes from parsed values only', () => {
    const r = parse('{ "method" : "getblock" , "params" : [ "1" , 1 ] , "id" : 5 , "extra" : "dropped" }')
    if (r.kind !== 'single' || !r.item.call) throw new Error('expected a call')
    expect(serializeCall(r.item.call)).toBe('{"jsonrpc":"1.0","id":5,"method":"getblock","params":["1",1]}')
  })
})
