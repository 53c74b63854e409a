/**
 * Recorded replies (components/recorded/index.ts) are looked up by method, node and params, and say
 * what they were recorded from.
 */
import { describe, expect, it } from 'vitest'
import { loadRecorded, originOf, pickRecorded } from '../../../components/recorded/index.ts'

const entry = (params: unknown[], node: string, result: unknown) => ({ method: 'tokenbalance', node, params, result, source: `devchain, seed "s1", node ${node}` })

describe('recorded replies', () => {
  it('picks the recording made with the same params and node, else the closest, marked as not exact', () => {
    const entries = [entry(['t', 'miner-pk'], 'miner', 99000), entry(['t', 'reader-pk'], 'miner', 1000), entry([], 'reader', 0)]
    expect(pickRecorded(entries, ['t', 'reader-pk'])).toMatchObject({ result: 1000, exact: true })
    expect(pickRecorded(entries, ['t', 'miner-pk'], 'miner')).toMatchObject({ result: 99000, exact: true })
    // Trailing undefined params are not sent, so they do not count.
    expect(pickRecorded(entries, ['t', 'miner-pk', undefined])).toMatchObject({ result: 99000, exact: true })
    expect(pickRecorded(entries, ['t', 'other'], 'reader')).toMatchObject({ result: 0, exact: false, node: 'reader' })
    expect(pickRecorded(entries, ['t', 'other'])).toMatchObject({ result: 99000, exact: false })
    expect(pickRecorded([], [])).toBeNull()
  })

  it('names the devchain and its seed, or komodod', () => {
    expect(originOf('devchain, seed "komodo-journeys-recorded", node reader')).toEqual({ kind: 'devchain', seed: 'komodo-journeys-recorded', node: 'reader' })
    expect(originOf('komodod, developer-docs smart-chain-api-basics.md')).toEqual({ kind: 'komodod', detail: 'developer-docs smart-chain-api-basics.md' })
    expect(originOf('somewhere')).toEqual({ kind: 'unknown', detail: 'somewhere' })
  })

  it('loads the journey recordings by params, and komodod fixtures from the site', async () => {
    const block = await loadRecorded('getblock', ['1', 1])
    expect(block).toMatchObject({ exact: true, origin: { kind: 'devchain', node: 'miner' } })
    expect(await loadRecorded('getblock', ['2', 1])).toMatchObject({ exact: false })
    const served: string[] = []
    const fake = (async (url: string) => {
      served.push(url)
      return new Response(JSON.stringify({ method: 'z_listaddresses', source: 'komodod, developer-docs wallet.md', request: { method: 'z_listaddresses', params: [] }, result: [] }))
    }) as unknown as typeof fetch
    expect(await loadRecorded('z_listaddresses', [], undefined, { fetch: fake })).toMatchObject({ result: [], exact: true, origin: { kind: 'komodod' } })
    expect(served).toEqual(['/recorded/z_listaddresses.json'])
  })
})
