// @vitest-environment happy-dom
/**
 * Theme chrome hydrated on the reader's first input (.vuepress/theme/hydrateOnFirstInput.ts), with a real server
 * render and hydration: nothing runs until an input or a navigation, and then the server's markup comes alive.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSSRApp, defineComponent, h, inject, nextTick, provide, ref, type App } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { hydrateBeforeNavigation, hydrateLater, hydrateWaiting, waitingHydrations } from '../../../.vuepress/theme/hydrateOnFirstInput.ts'

const clicks = ref(0)
let setups = 0
const Chrome = defineComponent({
  setup() {
    setups++
    // Like the theme's sidebar: it needs what an ancestor component provides.
    const label = inject<string>('label')
    if (!label) throw new Error('label is not provided')
    return () => h('nav', [h('button', { class: 'go', onClick: () => clicks.value++ }, `${label} ${clicks.value}`)])
  },
})
const Later = hydrateLater(Chrome)
const Page = defineComponent({
  props: { show: Boolean },
  setup: (props) => {
    provide('label', 'clicked')
    return () => h('main', [h('p', 'text'), props.show ? h(Later) : null])
  },
})

let app: App
async function serverThenBrowser(): Promise<{ root: HTMLElement; show: { value: boolean } }> {
  clicks.value = 0
  const html = await renderToString(createSSRApp(Page, { show: true }))
  const root = document.createElement('div')
  root.innerHTML = html
  document.body.append(root)
  setups = 0
  const show = ref(true)
  app = createSSRApp({ render: () => h(Page, { show: show.value }) })
  app.mount(root)
  await new Promise((r) => setTimeout(r, 10))
  return { root, show }
}

const button = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('.go')!

afterEach(() => {
  hydrateWaiting()
  document.body.innerHTML = ''
})

describe('hydrateOnFirstInput', () => {
  it('keeps the server markup inert until the first input, which hydrates it before its own click lands', async () => {
    const { root } = await serverThenBrowser()
    expect(root.textContent).toContain('clicked 0')
    expect(setups).toBe(0)
    expect(waitingHydrations()).toBe(1)
    button(root).click() // a click with no pointerdown before it: nothing is listening yet
    expect(clicks.value).toBe(0)

    button(root).dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(setups).toBe(1)
    expect(waitingHydrations()).toBe(0)
    button(root).click()
    expect(clicks.value).toBe(1)
    await nextTick()
    expect(button(root).textContent).toBe('clicked 1')
  })

  it('hydrates on a key press anywhere on the page', async () => {
    const { root } = await serverThenBrowser()
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true }))
    expect(setups).toBe(1)
    button(root).click()
    expect(clicks.value).toBe(1)
  })

  it('hydrates everything waiting when asked (before a navigation), once', async () => {
    const { root } = await serverThenBrowser()
    hydrateWaiting()
    hydrateWaiting()
    expect(setups).toBe(1)
    button(root).click()
    expect(clicks.value).toBe(1)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(setups).toBe(1)
  })

  it('hydrates before a navigation outside the router guard\'s app context, where ancestors\' provides are visible', async () => {
    const { root } = await serverThenBrowser()
    // What Vue Router does with a guard. Hydrating inside it would set the component up without the label.
    await app.runWithContext(() => hydrateBeforeNavigation())
    expect(setups).toBe(1)
    button(root).click()
    expect(clicks.value).toBe(1)
  })

  it('forgets a component that unmounts before hydrating', async () => {
    const { root, show } = await serverThenBrowser()
    show.value = false
    await nextTick()
    expect(root.querySelector('nav')).toBeNull()
    expect(waitingHydrations()).toBe(0)
    hydrateWaiting()
    expect(setups).toBe(0)
  })
})
