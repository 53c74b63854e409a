import { describe, expect, it } from 'vitest'
import { resolveTemplate } from '../../../components/useJourney.ts'

describe('resolveTemplate', () => {
  const outputs = { coins: [{ txid: 'ab', vout: 1, amount: 1 }], to: 'RReader' }

  it('fills $name.path strings and keys from earlier outputs, keeping the rest', () => {
    const r = resolveTemplate(outputs, [[{ txid: '$coins.0.txid', vout: '$coins.0.vout' }], { $to: 0.9999, data: '00' }])
    expect(r).toEqual({ value: [[{ txid: 'ab', vout: 1 }], { RReader: 0.9999, data: '00' }], missing: [] })
  })

  it('reports what is missing instead of a half-filled value', () => {
    expect(resolveTemplate(outputs, { txid: '$signed.hex', n: '$coins.0.vout' })).toEqual({ missing: ['signed.hex'] })
    expect(resolveTemplate({}, { $to: 1 })).toEqual({ missing: ['to'] })
  })
})
