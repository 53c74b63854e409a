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
    const { seen } = fakeChain({ getblockcount: () => 7, getblockhash: (p) => `hash-${p[0]}`, getblock: () => ({ __error: { code: -5, message: 'Block not found' } }), devchain_checkpoint: () => ({ checkpoint: '1', height: 7, bestblockhash: 'h' }) })
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
    // On a devchain each step's call follows the checkpoint "before step N".
    const cp = ['devchain_checkpoint', []]
    expect(seen.map((c) => [c.method, c.params])).toEqual([cp, ['getblockcount', []], cp, ['getblockhash', [7]], cp, ['getblock', ['99']]])
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
    expect(saved).toEqual({ outputs: { count: 7 }, steps: { '1': 'done' }, checkpoints: {} })
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

  it('goes back to before a step: rewinds the chain, restores outputs and step states, replays', async () => {
    let height = 7
    let offset = 100
    const cps = new Map<string, number>()
    const { seen } = fakeChain({
      getblockcount: () => height,
      getblockhash: (p) => { height++; offset += 10; return `hash-${p[0]}-${height}` },
      getblock: () => ({ __error: { code: -5, message: 'Block not found' } }),
      devchain_checkpoint: () => { cps.set(String(offset), height); return { checkpoint: String(offset), height, bestblockhash: 'h' } },
      devchain_rewind: (p) => { offset = Number(p[0]); height = cps.get(String(p[0]))!; return { checkpoint: p[0], height, bestblockhash: 'h' } },
    })
    const w = mount(Page, { attachTo: document.body })
    await flushPromises()
    await w.findAll('form')[0].trigger('submit')
    await flushPromises()
    await w.findAll('form')[1].trigger('submit')
    await flushPromises()
    expect(w.findAll('.kj-step').map((s) => s.attributes('data-state'))).toEqual(['done', 'done', 'pending'])
    expect(w.findAll('.kj-step')[1].text()).toContain('hash-7-8')
    const back = w.findAll('.kj-step')[1].find('.kj-step-rewind')
    expect(back.text()).toBe('Back to before this step')
    await back.trigger('click')
    await flushPromises()
    expect(seen.at(-1)).toMatchObject({ method: 'devchain_rewind', params: ['100'] })
    expect(w.findAll('.kj-step').map((s) => s.attributes('data-state'))).toEqual(['done', 'pending', 'pending'])
    expect(w.findAll('.kj-step')[1].text()).not.toContain('hash-7-8')
    expect(w.text()).toContain('back to where they were before step 2')
    const saved = JSON.parse(localStorage.getItem('kj-journey:demo:en-US')!)
    expect(saved.outputs).toEqual({ count: 7 })
    // Replayed from the rewound chain: the same result as before.
    await w.findAll('form')[1].trigger('submit')
    await flushPromises()
    expect(w.findAll('.kj-step')[1].text()).toContain('hash-7-8')
    w.unmount()
  })

  it('offers no rewind on komodod, and says why', async () => {
    fakeChain({ getblockcount: () => 7 }, { meta: { backend: { kind: 'komodod' }, chain: { name: 'DOCS' }, nodes: ['miner'], profile: 'public' } })
    const w = mount(Page, { attachTo: document.body })
    await flushPromises()
    await w.findAll('form')[0].trigger('submit')
    await flushPromises()
    expect(w.find('.kj-step-rewind').exists()).toBe(false)
    expect(w.text()).toContain('komodod cannot rewind its chain')
    w.unmount()
  })
})
