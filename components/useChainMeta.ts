/**
 * `/rpc/meta`, fetched once per page session and shared by every component. Nothing runs during
 * server rendering: the first client-side mount starts the request.
 */
import { onMounted, ref, type Ref } from 'vue'
import { fetchMeta, type ChainMeta } from '../rpc/meta.ts'

export interface UseChainMetaReturn {
  meta: Ref<ChainMeta | null>
  /** null until known; false on a static deployment. */
  online: Ref<boolean | null>
  refresh(): Promise<void>
}

const meta = ref<ChainMeta | null>(null)
const online = ref<boolean | null>(null)
let pending: Promise<void> | null = null

async function load(): Promise<void> {
  const m = await fetchMeta()
  meta.value = m
  online.value = m !== null
}

export function useChainMeta(): UseChainMetaReturn {
  const refresh = () => (pending = load())
  onMounted(() => {
    if (!pending) void refresh()
  })
  return { meta, online, refresh }
}

/** Forget the cached answer (tests, or after the chain restarts). */
export function resetChainMeta(): void {
  meta.value = null
  online.value = null
  pending = null
}
