import { getCurrentInstance } from 'vue'
import { defineClientConfig } from 'vuepress/client'

export default defineClientConfig({
  enhance({ router }) {
    if (!import.meta.env.SSR) return
    // Hooks added while a page renders belong to that render's components, which the server never unmounts:
    // drop them before the next page's navigation. Hooks added outside a component (plugins' enhance) stay.
    const fromRender: (() => void)[] = []
    const afterEach = router.afterEach.bind(router)
    router.afterEach = (guard) => {
      const remove = afterEach(guard)
      if (getCurrentInstance()) fromRender.push(remove)
      return remove
    }
    router.beforeEach(() => {
      for (const remove of fromRender.splice(0)) remove()
    })
  },
})
