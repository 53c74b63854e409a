// @vitest-environment happy-dom
/**
 * The in-page chain opens as the reader heads for a step (components/inPageWarmup.ts): not with the
 * page, not for a pointer elsewhere, and only when the chosen chain is the in-page one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { inPageStarted, setInPageWorkerFactory } from '../../../components/inPageChain.ts'
import { warmInPageOnApproach } from '../../../components/inPageWarmup.ts'
import { resetChainConnection, selectChoice } from '../../../components/useChainConnection.ts'

function fakeWorkers(): Worker[] {
  const made: Worker[] = []
  vi.stubGlobal('Worker', class {})
  setInPageWorkerFactory(() => {
    const w = Object.assign(new EventTarget(), { postMessage: vi.fn(), terminate: vi.fn() }) as unknown as Worker
    made.push(w)
    return w
  })
  return made
}

function page(): { prose: HTMLElement; run: HTMLElement } {
  document.body.innerHTML = '<p id="prose">Text</p><div class="kj-journey"><div class="kj-step"><div class="kj-rpc"><button class="kj-run">Run</button></div></div></div>'
  return { prose: document.getElementById('prose')!, run: document.querySelector('.kj-run')! }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

afterEach(() => {
  vi.unstubAllGlobals()
  setInPageWorkerFactory(null)
  resetChainConnection()
  document.body.innerHTML = ''
})

describe('warmInPageOnApproach', () => {
  it('opens the in-page chain at the first pointer over a live part, once', async () => {
    const made = fakeWorkers()
    selectChoice({ kind: 'page' })
    const { prose, run } = page()
    const stop = warmInPageOnApproach(document)
    prose.dispatchEvent(new Event('pointerover', { bubbles: true }))
    await settle()
    expect(made).toHaveLength(0)
    expect(inPageStarted()).toBe(false)
    run.dispatchEvent(new Event('pointerover', { bubbles: true }))
    await settle()
    expect(made).toHaveLength(1)
    expect(inPageStarted()).toBe(true)
    // The first message opens the chain.
    expect((made[0].postMessage as ReturnType<typeof vi.fn>).mock.calls[0][0]).toMatchObject({ type: 'control', action: 'open' })
    run.dispatchEvent(new Event('focusin', { bubbles: true }))
    await settle()
    expect(made).toHaveLength(1)
    stop()
  })

  it('loads the core methods\' specs as the reader heads for a step, on any chain', async () => {
    vi.resetModules()
    const { warmInPageOnApproach: warm } = await import('../../../components/inPageWarmup.ts')
    const { coreWireLoaded } = await import('../../../components/methodSpecs.ts')
    const { selectChoice: select } = await import('../../../components/useChainConnection.ts')
    select({ kind: 'site' })
    const { prose, run } = page()
    const stop = warm(document)
    prose.dispatchEvent(new Event('pointerover', { bubbles: true }))
    await settle()
    expect(coreWireLoaded()).toBe(false)
    run.dispatchEvent(new Event('pointerover', { bubbles: true }))
    await vi.waitFor(() => expect(coreWireLoaded()).toBe(true))
    stop()
  })

  it('starts nothing when the reader chose another chain, or after stop()', async () => {
    const made = fakeWorkers()
    selectChoice({ kind: 'site' })
    const { run } = page()
    const stop = warmInPageOnApproach(document)
    run.dispatchEvent(new Event('touchstart', { bubbles: true }))
    await settle()
    expect(made).toHaveLength(0)
    stop()
    resetChainConnection()
    selectChoice({ kind: 'page' })
    warmInPageOnApproach(document)()
    run.dispatchEvent(new Event('pointerover', { bubbles: true }))
    await settle()
    expect(made).toHaveLength(0)
    expect(inPageStarted()).toBe(false)
  })
})
