// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import Journey from '../../../components/Journey.vue'
import RpcCall from '../../../components/RpcCall.vue'
import Step from '../../../components/Step.vue'
import { fakeChain } from './fakeChain.ts'

const Page = defineComponent({
  render: () => h(Journey, { id: 'demo' }, () => [
    h(Step, { title: 'Count' }, () => h(RpcCall, { method: 'getblockcount', name: 'count' })),
    h(Step, { title: 'Hash' }, () => h(RpcCall, { method: 'getblockhash', from: 'count', name: 'hash' })),
    h(Step, { title: 'Fails' }, () => h(RpcCall, { method: 'getblock', params: ['99'] })),
  ]),
})

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('Journey and Step', () => {
  it('numbers steps for deep links, tracks their state and passes outputs by name', async () => {
    const { seen } = fakeChain({ getblockcount: () => 7, getblockhash: (p) => `hash-${p[0]}`, getblock: () => ({ __error: { code: -5, message: 'Block not found' } }) })
    const w = mount(Page, { attachTo: document.body })
    await flushPromises()
    expect(w.findAll('.kj-step').map((s) => s.attributes('id'))).toEqual(['step-1', 'step-2', 'step-3'])
    expect(w.findAll('.kj-step').map((s) => s.attributes('data-state'))).toEqual(['pending', 'pending', 'pending'])
    expect(w.find('.kj-progress').text()).toBe('0 of 3 steps done')
    const forms = w.findAll('form')
    await forms[0].trigger('submit')
    await flushPromises()
    await forms[1].trigger('submit')
    await flushPromises()
    await forms[2].trigger('submit')
    await flushPromises()
    expect(seen.map((c) => [c.method, c.params])).toEqual([['getblockcount', []], ['getblockhash', [7]], ['getblock', ['99']]])
    expect(w.findAll('.kj-step').map((s) => s.attributes('data-state'))).toEqual(['done', 'done', 'failed'])
    expect(w.find('.kj-progress').text()).toBe('2 of 3 steps done')
    w.unmount()
  })

  it('keeps progress per journey and locale in localStorage and restores it after a reload', async () => {
    fakeChain({ getblockcount: () => 7, getblockhash: () => 'h' })
    const first = mount(Page)
    await flushPromises()
    await first.findAll('form')[0].trigger('submit')
    await flushPromises()
    const saved = JSON.parse(localStorage.getItem('kj-journey:demo:en-US')!)
    expect(saved).toEqual({ outputs: { count: 7 }, steps: { '1': 'done' } })
    first.unmount()

    const { seen } = fakeChain({ getblockhash: () => 'h' })
    const again = mount(Page)
    await flushPromises()
    expect(again.find('.kj-step').attributes('data-state')).toBe('done')
    expect(again.find('.kj-progress').text()).toContain('Your progress on this page was restored.')
    expect(JSON.parse(again.find('.kj-json code').text())).toBe(7)
    expect((again.findAll('input')[0].element as HTMLInputElement).value).toBe('7')
    expect(seen).toHaveLength(0)

    await again.findAll('.kj-journey-bar button')[0].trigger('click')
    await flushPromises()
    expect(localStorage.getItem('kj-journey:demo:en-US')).toBeNull()
    expect(again.find('.kj-step').attributes('data-state')).toBe('pending')
  })

  it('offers "reset my sandbox" on a devchain and asks for a fresh reader identity', async () => {
    const { seen } = fakeChain({ devchain_resetidentity: (p) => ({ node: p[0], address: 'RFresh', pubkey: '02' }) })
    const w = mount(Page)
    await flushPromises()
    const button = w.findAll('.kj-journey-bar button').find((b) => b.text() === 'Reset my sandbox')!
    await button.trigger('click')
    await flushPromises()
    expect(seen).toEqual([{ url: '/rpc', method: 'devchain_resetidentity', params: ['reader'] }])
    expect(w.text()).toContain('Fresh reader identity: RFresh')
  })
})
