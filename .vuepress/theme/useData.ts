/**
 * The theme's useData (VuePress's client data, with the theme's data and its locale's), one object per app on the
 * server.
 *
 * The theme's composable spreads VuePress's client data into a new object on every call, and nearly every theme
 * component calls it: `vuepress build` made tens of thousands per build, and their garbage. Everything in it is the
 * app's (VuePress and the theme-data plugin provide it once, at the app), so the server makes it once per app; the
 * browser keeps the theme's own.
 */
import { inject } from 'vue'
import { clientDataSymbol } from 'vuepress/client'
import { useData as perCall } from '@vuepress/theme-default/dist/client/composables/useData.js'

const made = new WeakMap<object, ReturnType<typeof perCall>>()

function usePerApp(): ReturnType<typeof perCall> {
  const client = inject(clientDataSymbol, null)
  if (!client) return perCall()
  let data = made.get(client)
  if (!data) made.set(client, (data = perCall()))
  return data
}

export const useData = (import.meta.env.SSR ? usePerApp : perCall) as typeof perCall
