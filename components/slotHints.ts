/**
 * Vue (3.5) hydrates a lazily loaded component — every live component here is one, see
 * `.vuepress/client.ts` — without the compiler's hint that its slot content is stable (the `_` flag
 * of a compiled slot object). Without it, each re-render of that component patches every child in
 * its slot in full, and a child whose own chunk has not arrived yet is then never hydrated: Vue warns
 * "Skipping lazy hydration … it was updated before lazy hydration performed" and the server's HTML
 * stays dead (buttons that do nothing). A <Journey> re-renders as soon as the chain's kind is known
 * or progress is restored, a <Step> when its state changes; both before their children hydrate.
 *
 * Called in the setup of a component with a slot, this puts the hint back from the compiled slot
 * object the parent passed, so re-renders patch only what the compiler marked dynamic.
 */
import { getCurrentInstance } from 'vue'

export function keepCompiledSlotHints(): void {
  const instance = getCurrentInstance()
  const given = (instance?.vnode.children as { _?: unknown } | null | undefined)?._
  if (!instance || typeof given !== 'number' || '_' in instance.slots) return
  Object.defineProperty(instance.slots, '_', { value: given, enumerable: false })
}
