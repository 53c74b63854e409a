// @vitest-environment happy-dom
/**
 * AdvanceClock against a stubbed network: setmocktime gets the tip's time plus the requested
 * seconds, one block follows, and the reader sees both tip times; on komodod there is no button.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import AdvanceClock from '../../../components/AdvanceClock.vue'
import { useJourney } from '../../../components/useJourney.ts'
import { fakeChain, META } from './fakeChain.ts'

afterEach(() => vi.unstubAllGlobals())

describe('AdvanceClock', () => {
  it('stamps the next block a day after the tip and mines it, showing both tip times', async () => {
    let tiptime = 1_700_000_600
    let blocks = 10
    let mock = 0
    const { seen } = fakeChain({
      getinfo: () => ({ tiptime, blocks }),
      setmocktime: (p) => { mock = Number(p[0]); return null },
      generate: () => { tiptime = mock; blocks++; return ['aa'.repeat(32)] },
    })
    const w = mount(AdvanceClock, { props: { seconds: 86_400, name: 'clock' } })
    await flushPromises()
    expect(w.text()).toContain('Devchain only.')
    expect(w.find('button').text()).toBe('Move the clock 1 day forward and mine a block')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(seen.map((c) => c.method)).toEqual(['getinfo', 'setmocktime', 'generate', 'getinfo'])
    expect(seen[1].params).toEqual([1_700_000_600 + 86_400])
    expect(w.findAll('dd').map((d) => d.text())).toEqual(['2023-11-14 22:23:20 UTC', '2023-11-15 22:23:20 UTC'])
    expect(w.find('dl').text()).toContain('block 11')
    expect(useJourney().resolve('clock.after')).toBe(1_700_087_000)
  })

  it('says days, hours or seconds as the amount allows', async () => {
    fakeChain({})
    expect(mount(AdvanceClock, { props: { seconds: 3 * 86_400 } }).find('button').text()).toContain('3 days')
    expect(mount(AdvanceClock, { props: { seconds: 7_200 } }).find('button').text()).toContain('2 hours')
    expect(mount(AdvanceClock, { props: { seconds: 90 } }).find('button').text()).toContain('90 seconds')
  })

  it('on komodod, tells the reader to wait and offers no button', async () => {
    const { seen } = fakeChain({}, { meta: { ...META, backend: { kind: 'komodod' } } })
    const w = mount(AdvanceClock, { props: { seconds: 86_400 } })
    await flushPromises()
    expect(w.find('button').exists()).toBe(false)
    expect(w.text()).toContain('wait 1 day')
    expect(seen).toHaveLength(0)
  })
})
