// vuepress/client imports the virtual @internal/routes, which only exists inside a VuePress build.
// Unit tests of single components get these stand-ins; tests override them with vi.mock when needed.
import { computed, reactive, ref } from 'vue'
import { METHODS } from '../../../modules/catalog.ts'
import { pageMethodsOf } from '../../../.vuepress/plugins/pageMethods.ts'

export const usePageLang = () => computed(() => 'en-US')
/** Tests set these to render as a page of another locale (`mockLocale.route = '/zh/'`). */
export const mockLocale = reactive({ route: '/', site: ['/'] as string[] })
export const useRouteLocale = () => computed(() => mockLocale.route)
export const useSiteData = () => computed(() => ({ locales: Object.fromEntries(mockLocale.site.map((k) => [k, {}])) }))
export const usePageFrontmatter = () => ref({})
// As the build gives a page (plugins/pageMethods.ts): the specs of the methods it runs — here, all of them.
export const mockPageData = ref<Record<string, unknown>>({ path: '/', title: '', lang: 'en-US', frontmatter: {}, methodSpecs: pageMethodsOf(METHODS.map((m) => m.name), '') })
export const usePageData = () => mockPageData
export const useSiteLocaleData = () => ref({ lang: 'en-US', title: 'Komodo Journeys', locales: {} })
export const withBase = (path: string) => path
export const defineClientConfig = <T>(config: T) => config
export const ClientOnly = { name: 'ClientOnly', setup: (_: unknown, { slots }: { slots: { default?: () => unknown } }) => () => slots.default?.() }
