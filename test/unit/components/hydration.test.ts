// @vitest-environment happy-dom
/**
 * Server render, then hydration in the browser, of a lazily hydrated slot owner (like Journey or
 * Step) holding a lazily hydrated live component, when the owner re-renders before the component's
 * chunk arrives: the component must still hydrate (its button works) and Vue must not skip it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createApp, createSSRApp, defineComponent, h, nextTick, provide, ref } from 'vue'
import { createJourneyContext, JOURNEY_KEY, useJourney } from '../../../components/useJourney.ts'
import { renderToString } from 'vue/server-renderer'
import { hydrateInTurn, pendingHydrations } from '../../../components/hydrateInTurn.ts'
import { lazyIsland } from '../../../components/lazyIsland.ts'
import Host from './hydration/Host.vue'
import { clicks, holdLeafChunk, releaseLeafChunk, shared } from './hydration/gate.ts'

const tasks = (n = 3) => new Promise<void>((r) => { let i = 0; const next = () => (++i >= n ? r() : setTimeout(next, 0)); setTimeout(next, 0) })

async function serverThenBrowser(hints: boolean): Promise<{ warnings: string[]; root: HTMLElement }> {
  shared.value = 0
  clicks.value = 0
  // Both chunks compiled up front, so "arrives" means when the test releases it, not transform time.
  await import('./hydration/SlotOwner.vue')
  await import('./hydration/Leaf.vue')
  const html = await renderToString(createSSRApp(Host, { hints }))
  const root = document.createElement('div')
  root.innerHTML = html
  document.body.append(root)
  const warnings: string[] = []
  const warn = vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => { warnings.push(a.map(String).join(' ')) })
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { warnings.push(a.map(String).join(' ')) })
  holdLeafChunk()
  createSSRApp(Host, { hints }).mount(root)
  await tasks(10) // the owner's chunk arrives and it hydrates; the leaf's does not yet
  shared.value++ // shared state changes: the owner re-renders
  await nextTick()
  releaseLeafChunk()
  await tasks(5)
  warn.mockRestore()
  error.mockRestore()
  return { warnings, root }
}

/**
 * A stand-in viewport: what `offscreen` holds is far below the fold, everything else on screen (an
 * observer reports an element in view as soon as it watches it, as a real one does).
 */
const offscreen = new Set<Element>()
const observers = new Set<{ els: Element[]; cb: IntersectionObserverCallback }>()
class FakeIntersectionObserver {
  private readonly entry: { els: Element[]; cb: IntersectionObserverCallback }
  constructor(cb: IntersectionObserverCallback) {
    this.entry = { els: [], cb }
    observers.add(this.entry)
  }
  observe(el: Element): void {
    this.entry.els.push(el)
    if (!offscreen.has(el)) this.entry.cb([{ isIntersecting: true, target: el } as IntersectionObserverEntry], this as unknown as IntersectionObserver)
  }
  disconnect(): void {
    observers.delete(this.entry)
  }
}
/** The reader scrolls `el` into view. */
function reveal(el: Element): void {
  offscreen.delete(el)
  for (const o of [...observers]) if (o.els.includes(el)) o.cb([{ isIntersecting: true, target: el } as IntersectionObserverEntry], {} as IntersectionObserver)
}

beforeEach(() => { vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver) })
afterEach(() => {
  document.body.innerHTML = ''
  offscreen.clear()
  vi.unstubAllGlobals()
})

describe('lazy hydration under a re-rendering slot owner', () => {
  it('hydrates the live component when the owner keeps its compiled slot hints', async () => {
    const { warnings, root } = await serverThenBrowser(true)
    expect(root.querySelector('.count')!.textContent).toBe('1')
    expect(warnings.filter((w) => /Skipping lazy hydration|mismatch/i.test(w))).toEqual([])
    root.querySelector<HTMLButtonElement>('.leaf')!.click()
    expect(clicks.value).toBe(1)
  })

  it('is what goes wrong without them: Vue skips hydrating the leaf', async () => {
    const { warnings } = await serverThenBrowser(false)
    expect(warnings.some((w) => w.includes('Skipping lazy hydration'))).toBe(true)
  })
})

describe('hydrateInTurn', () => {
  const el = () => document.createElement('div')
  const run = (target: HTMLElement, log: string[], name: string) =>
    hydrateInTurn(() => log.push(name), (cb) => cb(target))

  it('hydrates one component per task, in the order they asked', async () => {
    const log: string[] = []
    run(el(), log, 'a')
    run(el(), log, 'b')
    run(el(), log, 'c')
    expect(log).toEqual([])
    await new Promise((r) => setTimeout(r, 0))
    expect(log).toEqual(['a'])
    await tasks(4)
    expect(log).toEqual(['a', 'b', 'c'])
    expect(pendingHydrations()).toBe(0)
  })

  it('hydrates at once a component the reader reaches for, once, and forgets one that unmounted', async () => {
    const log: string[] = []
    const touched = el()
    run(el(), log, 'first')
    run(touched, log, 'touched')
    const teardown = run(el(), log, 'gone')
    touched.dispatchEvent(new Event('pointerover'))
    expect(log).toEqual(['touched'])
    teardown!()
    touched.dispatchEvent(new Event('focusin'))
    await tasks(4)
    expect(log).toEqual(['touched', 'first'])
    expect(pendingHydrations()).toBe(0)
  })
})

describe('hydrateInTurn and the viewport', () => {
  it('leaves a component far below the fold alone, code included, until the reader nears it', async () => {
    const log: string[] = []
    const below = document.createElement('div')
    offscreen.add(below)
    hydrateInTurn(() => log.push('top'), (cb) => cb(document.createElement('div')))
    hydrateInTurn(() => log.push('below'), (cb) => cb(below))
    await tasks(4)
    expect(log).toEqual(['top'])
    expect(pendingHydrations()).toBe(0)
    reveal(below)
    await tasks(2)
    expect(log).toEqual(['top', 'below'])
  })

  it('hydrates at once an offscreen component the reader reaches for with the keyboard', () => {
    const log: string[] = []
    const below = document.createElement('div')
    offscreen.add(below)
    hydrateInTurn(() => log.push('below'), (cb) => cb(below))
    below.dispatchEvent(new Event('focusin'))
    expect(log).toEqual(['below'])
    reveal(below)
    expect(log).toEqual(['below'])
  })
})

describe('lazyIsland', () => {
  // A fresh definition per render: an async component remembers what it loaded, as a page's would per tab.
  const pressed = ref(0)
  const counted = () => {
    const loads = { n: 0 }
    const island = lazyIsland(async () => {
      loads.n++
      return defineComponent({ props: { label: String }, setup: (p) => () => h('button', { type: 'button', class: 'island', onClick: () => pressed.value++ }, p.label) })
    })
    const app = () => defineComponent({ setup: () => () => h('main', [h(island, { label: 'far', class: 'passed' })]) })
    return { loads, app }
  }

  it('loads a server-rendered island\'s code only once it may hydrate, then hydrates it with its props, replaying the press that woke it', async () => {
    const html = await renderToString(createSSRApp(counted().app()))
    expect(html).toContain('class="island passed"')
    const root = document.createElement('div')
    root.innerHTML = html
    document.body.append(root)
    const button = root.querySelector<HTMLButtonElement>('.island')!
    offscreen.add(button)
    const { loads, app } = counted()
    createSSRApp(app()).mount(root)
    await tasks(6)
    expect(loads.n).toBe(0)
    // A press before the code is in wakes the island; it is held, then replayed on the live component.
    let reachedPage = 0
    root.addEventListener('click', () => { reachedPage++ })
    button.click()
    expect(pressed.value).toBe(0)
    expect(reachedPage).toBe(0)
    await tasks(6)
    expect(loads.n).toBe(1)
    expect(pressed.value).toBe(1)
    expect(root.querySelector('.island')).toBe(button)
    button.click()
    expect(pressed.value).toBe(2)
  })

  it('loads at once when the client renders it (after a navigation), with no viewport to wait for', async () => {
    const { loads, app } = counted()
    const root = document.createElement('div')
    document.body.append(root)
    createApp(app()).mount(root)
    await tasks(4)
    expect(loads.n).toBe(1)
    expect(root.querySelector('.island.passed')!.textContent).toBe('far')
  })
})

describe('shared journey state during hydration', () => {
  it('reaches a component only once it has mounted, so its first render matches the server\'s', async () => {
    const ctx = createJourneyContext('t')
    ctx.setOutput('fund', { hex: 'ab' })
    ctx.setStep(1, 'done')
    const seen: unknown[] = []
    const Child = defineComponent({
      setup() {
        const j = useJourney()
        return () => { seen.push([j.resolve('fund.hex'), j.steps['1'] ?? 'pending']); return h('i') }
      },
    })
    const Parent = defineComponent({ setup() { provide(JOURNEY_KEY, ctx); return () => h(Child) } })
    const w = mount(Parent)
    await nextTick()
    expect(seen).toEqual([[undefined, 'pending'], ['ab', 'done']])
    // Writes are not held back.
    ctx.setOutput('fund', { hex: 'cd' })
    await nextTick()
    expect(seen.at(-1)).toEqual(['cd', 'done'])
    w.unmount()
  })
})
