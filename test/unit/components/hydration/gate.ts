/** A chunk that arrives when the test says so, and the shared state a slot owner re-renders on. */
import { ref } from 'vue'

export const shared = ref(0)
export const clicks = ref(0)
let release: () => void = () => {}
export let leafArrived: Promise<void> = Promise.resolve()
export function holdLeafChunk(): void {
  leafArrived = new Promise((r) => { release = r })
}
export function releaseLeafChunk(): void {
  release()
}
