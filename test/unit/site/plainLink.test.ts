import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, h, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter } from 'vue-router'

// VuePress's own AutoLink and RouteLink, the reference: its client reads the build's routes from a virtual module,
// and constants the build defines.
vi.hoisted(() => Object.assign(globalThis, { __VUEPRESS_DEV__: false, __VUEPRESS_BASE__: '/' }))
const routes = ref<Record<string, unknown>>({})
vi.mock('@internal/routes', () => ({ routes, redirects: ref({}) }))
vi.mock('vuepress/client', async () => import('@vuepress/client'))
const { AutoLink, clientDataSymbol } = await import('@vuepress/client')
const { autoLinkProps, isActiveAutoLink } = await import('../../../.vuepress/theme/plainLink.ts')

const LOCALES = ['/', '/zh/']

async function render(page: string, node: () => ReturnType<typeof h>): Promise<string> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const app = createSSRApp({ render: node }).use(router)
  // AutoLink reads the site's locales.
  app.provide(clientDataSymbol, { siteData: ref({ locales: Object.fromEntries(LOCALES.map((l) => [l, {}])) }) } as never)
  await router.push(page)
  // AutoLink's empty `before` and `after` slots leave comments, which are not in what a reader or a script sees.
  return (await renderToString(app)).replace(/<!--[[\]]?-->/g, '')
}

describe('plain links render as AutoLink renders them', () => {
  const links = [
    { text: 'Journeys', link: '/journeys/' },
    { text: 'Tokens', link: '/journeys/tokens.html', ariaLabel: 'The Tokens module' },
    { text: 'Home', link: '/' },
    { text: '中文', link: '/zh/' },
    { text: 'Exact', link: '/journeys/', exact: true },
    { text: 'English', link: '/journeys/tokens.html', activeMatch: '.' },
    { text: 'Matched', link: '/x.html', activeMatch: '^/journeys/' },
    { text: 'Relative', link: 'tokens.html' },
    { text: 'GitHub', link: 'https://github.com/x/y' },
    { text: 'Mail', link: 'mailto:a@b.c' },
    { text: 'Blank', link: '/file.pdf', target: '_blank' },
    { text: 'Rel', link: 'https://x.org', rel: 'me' },
  ]
  const pages = ['/', '/journeys/', '/journeys/tokens.html', '/zh/', '/zh/journeys/tokens.html', '/guides/a.html']

  it.each(pages)('on %s: same tag, attributes, classes and href', async (page) => {
    for (const config of links) {
      const theirs = await render(page, () => h(AutoLink, { config }))
      const ours = await render(page, () => {
        const router = { push: () => Promise.resolve() } as never
        return h('a', autoLinkProps(config, { path: page, localePaths: LOCALES, router }), config.text)
      })
      expect(ours, `${config.text} on ${page}`).toBe(theirs)
    }
  })

  it('marks active a link under its path, but not a locale root or an exact link, as AutoLink does', () => {
    expect(isActiveAutoLink({ text: '', link: '/journeys/' }, '/journeys/tokens.html', LOCALES)).toBe(true)
    expect(isActiveAutoLink({ text: '', link: '/zh/' }, '/zh/journeys/tokens.html', LOCALES)).toBe(false)
    expect(isActiveAutoLink({ text: '', link: '/journeys/', exact: true }, '/journeys/tokens.html', LOCALES)).toBe(false)
    expect(isActiveAutoLink({ text: '', link: '/', }, '/a.html', [])).toBe(false)
  })

  it('navigates in the app on a plain click, and leaves a modified click to the browser', () => {
    const push = vi.fn(() => Promise.resolve())
    const props = autoLinkProps({ text: 'T', link: '/journeys/tokens.html' }, { path: '/', localePaths: LOCALES, router: { push } as never })
    const click = (init: Partial<MouseEvent>) => {
      const event = { button: 0, defaultPrevented: false, preventDefault: vi.fn(), ...init }
      ;(props.onClick as (e: MouseEvent) => void)(event as unknown as MouseEvent)
      return event
    }
    expect(click({}).preventDefault).toHaveBeenCalled()
    expect(push).toHaveBeenCalledWith('/journeys/tokens.html')
    push.mockClear()
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }, { defaultPrevented: true }]) {
      expect(click(init).preventDefault).not.toHaveBeenCalled()
    }
    expect(push).not.toHaveBeenCalled()
  })
})
