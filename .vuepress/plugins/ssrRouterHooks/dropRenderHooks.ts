import { getCurrentInstance } from 'vue'
import type { Router } from 'vue-router'

/**
 * Hooks a component adds with `router.afterEach` while a page renders on the server belong to that render:
 * the server never unmounts it, so its `onBeforeUnmount` cleanup never runs. They are dropped before the
 * next navigation. Hooks added outside a component (a plugin's `enhance`) stay.
 */
export function dropRenderHooks(router: Router): void {
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
}
