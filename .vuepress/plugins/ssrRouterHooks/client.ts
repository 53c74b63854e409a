import { defineClientConfig } from 'vuepress/client'
import { dropRenderHooks } from './dropRenderHooks.ts'

export default defineClientConfig({
  enhance({ router }) {
    // In the browser components unmount and clean up after themselves.
    if (import.meta.env.SSR) dropRenderHooks(router)
  },
})
