import type { InjectionKey } from 'vue'
import type { SidebarItem } from '@vuepress/theme-default/client'

/**
 * What the server provides to VPSidebarItem.vue (client.ts): each of a group's items' prebuilt markup on the page, or
 * '' where the template renders it (sidebarLeafHtml.ts). Provided, not imported: the builder uses Vue's server
 * renderer, which would add ~0.45 KB gzip to every page's first load even unused. The browser has none.
 */
export type PrebuiltLeaves = (items: SidebarItem[], route: { path: string; hash: string }) => string[]

export const prebuiltLeavesKey: InjectionKey<PrebuiltLeaves> = Symbol()
