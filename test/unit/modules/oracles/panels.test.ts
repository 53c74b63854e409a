// @vitest-environment happy-dom
/**
 * The Oracles panels against a stubbed network: the data form encodes per the oracle's format and
 * refuses what does not fit before any request; the samples panel shows decoded samples as text.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import OracleDataPanel from '../../../../modules/oracles/OracleDataPanel.vue'
import OracleSamplesPanel from '../../../../modules/oracles/OracleSamplesPanel.vue'
import { fakeChain } from '../../components/fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

const oracle = 'ab'.repeat(32)
const publisher = '02' + 'ef'.repeat(32)
const BATON = 'REt2C4ZMnX8YYX1DRpffNA4hECZTFm39e3'
const info = (format: string) => ({
  result: 'success', txid: oracle, name: 'DOCSPRICE', description: 'd', format, marker: 'Rmarker',
  registered: [{ publisher, baton: BATON, batontxid: 'cd'.repeat(32), lifetime: '0.00000000', funds: '0.08000000', datafee: '0.01000000' }],
})

describe('OracleDataPanel', () => {
  it('reads the format, encodes the values, builds and broadcasts', async () => {
    const { seen } = fakeChain({
      oraclesinfo: () => info('sL'),
      oraclesdata: () => ({ hex: 'da7a', result: 'success' }),
      sendrawtransaction: () => 'ee'.repeat(32),
    })
    const w = mount(OracleDataPanel, { props: { oracle, values: ['KMD', '100000'] } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen.find((c) => c.method === 'oraclesdata')!.params).toEqual([oracle, '034b4d44a086010000000000'])
    expect(w.find('[data-field="datum"]').text()).toBe('034b4d44a086010000000000')
    expect(w.find('[data-field="txid"]').text()).toBe('ee'.repeat(32))
    expect(w.find('[data-field="format"]').text()).toBe('sL')
    expect(w.find('.kj-oracle-data').attributes('data-state')).toBe('done')
  })

  it('refuses values that do not fit their fields, in words, before oraclesdata', async () => {
    const { seen } = fakeChain({ oraclesinfo: () => info('sC') })
    const w = mount(OracleDataPanel, { props: { oracle, values: ['é', '256'] } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen.map((c) => c.method)).toEqual(['oraclesinfo'])
    expect(w.findAll('.kj-field-error').map((e) => e.text())).toEqual([
      'Only plain ASCII characters, from space to ~.',
      'Must be from 0 to 255.',
    ])
    expect(w.findAll('[aria-invalid="true"]')).toHaveLength(2)
  })

  it('checks the oracletxid before reading anything', async () => {
    const { seen } = fakeChain({})
    const w = mount(OracleDataPanel, { props: { oracle: 'nope' } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen).toHaveLength(0)
    expect(w.find('[aria-invalid="true"]').exists()).toBe(true)
  })
})

describe('OracleSamplesPanel', () => {
  it('lists each publisher\'s samples, newest first, as text', async () => {
    const evil = '<img src=x onerror=alert(1)>'
    const { seen } = fakeChain({
      oraclesinfo: () => info('sL'),
      oraclessamples: () => ({ result: 'success', samples: [{ txid: '11'.repeat(32), data: [evil, '110000'] }, { txid: '22'.repeat(32), data: ['KMD', '100000'] }] }),
    })
    const w = mount(OracleSamplesPanel, { props: { oracle } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen.find((c) => c.method === 'oraclessamples')!.params).toEqual([oracle, BATON, '0'])
    const rows = w.findAll('[data-field="sample"]')
    expect(rows.map((r) => r.findAll('td').slice(1).map((d) => d.text()))).toEqual([[evil, '110000'], ['KMD', '100000']])
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('[data-field="funds"]').text()).toBe('0.08000000')
  })

  it('says when nothing is published yet', async () => {
    fakeChain({ oraclesinfo: () => info('L'), oraclessamples: () => ({ result: 'success', samples: [] }) })
    const w = mount(OracleSamplesPanel, { props: { oracle } })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-field="no-samples"]').text()).toBe('No data published yet.')
  })
})
