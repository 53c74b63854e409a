import { useThemeData } from '@vuepress/plugin-theme-data/client'
import { markRaw, toRaw } from 'vue'

/**
 * Keeps the theme's data (the navbar and sidebar of every locale) a plain object. The theme-data plugin holds it in
 * a deep `ref` so that `vuepress dev` can swap it on a config edit; nothing else writes it, yet every page load
 * resolved the sidebar through lazily created proxies, about a fifth of a journey page's hydration task. A swapped
 * value (dev) still triggers the ref.
 */
export function keepThemeDataRaw(): void {
  const themeData = useThemeData()
  // A copy: the ref keeps its reactive proxy when given the object it already holds, and marking only that object
  // raw leaves the proxy (and every nested proxy it hands out) in place.
  themeData.value = markRaw({ ...toRaw(themeData.value) })
}
