/** Reading the `kj-rpc` mark (protocol/rpcMark.ts) off the page's own response. */
import { describe, expect, it } from 'vitest'
import { siteServesRpc, type NavigationTimingSource } from '../../../components/siteServesRpc.ts'
import { RPC_SERVER_TIMING } from '../../../protocol/rpcMark.ts'

const nav = (serverTiming: { name: string }[] | undefined, entries = 1): NavigationTimingSource => ({
  getEntriesByType: () => Array.from({ length: entries }, () => ({ serverTiming })),
})

describe('siteServesRpc', () => {
  it('is true when the page came with the mark, false when it came without', () => {
    expect(siteServesRpc(nav([{ name: 'db' }, { name: RPC_SERVER_TIMING }]))).toBe(true)
    expect(siteServesRpc(nav([]))).toBe(false)
    expect(siteServesRpc(nav([{ name: 'kj-rpc-not' }]))).toBe(false)
  })

  it('cannot tell without Navigation Timing or a readable serverTiming', () => {
    expect(siteServesRpc(undefined)).toBeNull()
    expect(siteServesRpc(nav(undefined))).toBeNull()
    expect(siteServesRpc(nav([], 0))).toBeNull()
    expect(siteServesRpc({ getEntriesByType: () => { throw new Error('not supported') } })).toBeNull()
  })
})
