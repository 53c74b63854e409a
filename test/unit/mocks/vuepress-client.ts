// vuepress/client imports the virtual @internal/routes, which only exists inside a VuePress build.
// Unit tests of single components get these stand-ins; tests override them with vi.mock when needed.
import { computed, reactive, ref } from 'vue'

export const usePageLang = () => computed(() => 'en-US')
/** Tests set these to render as a page of another locale (`mockLocale.route = '/zh/'`). */
export const mockLocale = reactive({ route: '/', site: ['/'] as string[] })
export const useRouteLocale = () => computed(() => mockLocale.route)
export const useSiteData = () => computed(() => ({ locales: Object.fromEntries(mockLocale.site.map((k) => [k, {}])) }))
export const usePageFrontmatter = () => ref({})
export const usePageData = () => ref({ path: '/', title: '', lang: 'en-US', frontmatter: {} })
export const useSiteLocaleData = () => ref({ lang: 'en-US', title: 'Komodo Journeys', locales: {} })
export const withBase = (path: string) => path
export const defineClientConfig = <T>(config: T) => config
export const ClientOnly = { name: 'ClientOnly', setup: (_: unknown, { slots }: { slots: { default?: () => unknown } }) => () => slots.default?.() }
