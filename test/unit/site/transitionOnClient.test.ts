import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'

// @vuepress/helper's client entry loads VuePress's client, which needs a build's virtual modules.
vi.hoisted(() => Object.assign(globalThis, { __VUEPRESS_DEV__: false, __VUEPRESS_BASE__: '/' }))
vi.mock('@internal/routes', () => ({ routes: { value: {} }, redirects: { value: {} } }))
vi.mock('vuepress/client', async () => import('@vuepress/client'))
const { FadeInExpandTransition } = await import('@vuepress/helper/client')
const { default: TransitionOnServer } = await import('../../../.vuepress/theme/TransitionOnServer.vue')
const { transitionOnClient } = await import('../../../.vuepress/theme/transitionOnClient.ts')

// Templates as our components put a transition in them (NavbarDropdown.vue: a list under v-show), and what else a
// slot may hold. The server compiles them as it compiles a component's template. (One case differs, which no
// component of ours has: a `v-if` that renders nothing leaves `<!---->` rather than `<!--v-if-->`, comments that
// hydration matches alike.)
const templates: Record<string, string> = {
  'a hidden list': '<T><ul v-show="open" class="list"><li v-for="i in 3" :key="i"><a :href="`/${i}.html`">{{ i }}</a></li></ul></T>',
  'a shown list': '<T><ul v-show="!open" class="list" style="color: red"><li>a</li></ul></T>',
  'text': '<T>text</T>',
  'nothing': '<T></T>',
}

const render = (template: string, transition: Component): Promise<string> =>
  renderToString(createSSRApp({ template: `<div>${template}</div>`, components: { T: transition }, data: () => ({ open: false }) }))

describe('a transition on the server', () => {
  it.each(Object.keys(templates))('renders %s as @vuepress/helper\'s transition does', async (name) => {
    const html = await render(templates[name], TransitionOnServer)
    expect(html).toBe(await render(templates[name], FadeInExpandTransition))
    if (name.includes('list')) expect(html).toMatch(/^<div><ul class="list" style="[^"]*">/)
  })

  it('is one component, without Vue\'s transition components', async () => {
    const app = createSSRApp({ template: `<div>${templates['a hidden list']}</div>`, components: { T: TransitionOnServer }, data: () => ({ open: false }) })
    const created: unknown[] = []
    app.mixin({ created() { created.push(this.$.type) } })
    await renderToString(app)
    expect(created).toEqual([expect.anything(), TransitionOnServer])
  })

  it('is the transition itself in the browser', () => {
    // The unit project renders as the server does (import.meta.env.SSR), so it gets the stand-in.
    expect(transitionOnClient(FadeInExpandTransition)).toBe(import.meta.env.SSR ? TransitionOnServer : FadeInExpandTransition)
  })
})
