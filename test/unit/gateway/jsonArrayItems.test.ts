import { describe, expect, it } from 'vitest'
import { jsonArrayItems } from '../../../server/gateway/jsonArrayItems.ts'

describe('jsonArrayItems', () => {
  it('gives each item its own text, byte for byte', () => {
    const items = ['{"result":1.00000000,"error":null,"id":1}', '{"result":"a,]}\\"[{","error":null,"id":"x"}', '[1,[2,{"a":[3]}]]', 'null', '-0.5e3']
    expect(jsonArrayItems(`[${items.join(',')}]\n`)).toEqual(items)
    expect(jsonArrayItems(` [ ${items.join(' , ')} ] `)).toEqual(items)
  })

  it('keeps escaped quotes and backslashes inside strings', () => {
    expect(jsonArrayItems('["a\\\\",{"b":"\\"]"}]')).toEqual(['"a\\\\"', '{"b":"\\"]"}'])
  })

  it('gives an empty list for an empty array', () => {
    expect(jsonArrayItems('[]')).toEqual([])
    expect(jsonArrayItems('[ \n ]')).toEqual([])
  })

  it.each(['{"result":1}', '[1,2', '[1,]', '[,1]', '[1,,2]', '["a]', '[{"a":1]', '[1]]', '[}', ''])('refuses %j', (text) => {
    expect(jsonArrayItems(text)).toBeNull()
  })
})
