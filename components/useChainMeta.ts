/**
 * What the chosen chain says about itself (a gateway's `/rpc/meta`, or the in-page chain's answer),
 * fetched once per page session and again when the reader switches chains; shared by every component. Nothing runs during
 * server rendering: the first client-side mount starts the request.
 *
 * A component sees the answer only once it has mounted. Components hydrate one after another (see
 * hydrateInTurn.ts), and the answer often arrives in between: a component still to hydrate must
 * render what the server rendered (no chain known), or its HTML would not match.
 */
import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { metaOf, type ChainMeta } from '../protocol/meta.ts'
import { connectionTransport, useChainConnection } from './useChainConnection.ts'

export interface UseChainMetaReturn {
  meta: Ref<ChainMeta | null>
  /** null until known; false on a static deployment. */
  online: Ref<boolean | null>
  refresh(): Promise<void>
}

const meta = ref<ChainMeta | null>(null)
const online = ref<boolean | null>(null)
let pending: Promise<void> | null = null

let watching = false

async function load(): Promise<void> {
  const m = await metaOf(connectionTransport)
  meta.value = m
  online.value = m !== null
}

export function useChainMeta(): UseChainMetaReturn {
  const refresh = () => (pending = load())
  const mounted = ref(false)
  const { choice } = useChainConnection()
  onMounted(() => {
    mounted.value = true
    if (!pending) void refresh()
    if (!watching) {
      watching = true
      watch(choice, (now, before) => {
        if (before && now !== before) {
          meta.value = null
          online.value = null
          void refresh()
        }
      })
    }
  })
  return {
    meta: computed({ get: () => (mounted.value ? meta.value : null), set: (v) => { meta.value = v } }),
    online: computed({ get: () => (mounted.value ? online.value : null), set: (v) => { online.value = v } }),
    refresh,
  }
}

/** Forget the cached answer (tests, or after the chain restarts). */
export function resetChainMeta(): void {
  watching = false
  meta.value = null
  online.value = null
  pending = null
}
