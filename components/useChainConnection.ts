/**
 * The chain connection of this page: which backend answers (`page`, `site`, or a gateway's URL),
 * chosen by `?chain=`, then the reader's saved choice, then the default — this site when its
 * `/rpc/meta` answers with a profile the journeys can run on (`local`), else the in-page chain. A
 * page from a server without `/rpc` (no `kj-rpc` mark, siteServesRpc.ts) skips the probe.
 *
 * `connectionTransport` is the transport every call goes through; it follows the choice, so a
 * switch takes effect on the next call without rebuilding the client.
 */
import { computed, onMounted, ref, type Ref } from 'vue'
import { httpTransport, type Transport, type TransportReply } from '../protocol/transport.ts'
import { choiceFromQuery, saveChoice, savedChoice, type ChainChoice } from './chainChoice.ts'
import { inPageAvailable, inPageStarted, inPageTransport } from './inPageChain.ts'
import { siteServesRpc } from './siteServesRpc.ts'

/** Profiles of a gateway that let every journey run. */
const RUNNABLE_PROFILES = new Set(['local'])

/** The in-page chain before its first call: a devchain with the two journey nodes. */
const IN_PAGE_IDLE = { kind: 'devchain', nodes: ['miner', 'reader'], profile: 'page', started: false }

const choice = ref<ChainChoice | null>(null)
let resolving: Promise<ChainChoice> | null = null
const site = httpTransport()

function transportOf(c: ChainChoice): Transport {
  if (c.kind === 'page') return inPageTransport()
  if (c.kind === 'url') return httpTransport({ base: c.url })
  return site
}

async function defaultChoice(): Promise<ChainChoice> {
  if (!inPageAvailable()) return { kind: 'site' }
  // A static host: no request to /rpc at all. Unknown (an older browser): ask /rpc/meta.
  if (siteServesRpc() === false) return { kind: 'page' }
  const raw = (await site.meta().catch(() => null)) as { profile?: unknown } | null
  const profile = raw && typeof raw === 'object' ? String(raw.profile ?? '') : ''
  return RUNNABLE_PROFILES.has(profile) ? { kind: 'site' } : { kind: 'page' }
}

async function resolveChoice(): Promise<ChainChoice> {
  const search = typeof location === 'undefined' ? '' : location.search
  const linked = choiceFromQuery(search)
  if (linked && (linked.kind !== 'page' || inPageAvailable())) {
    saveChoice(linked)
    return linked
  }
  const saved = savedChoice()
  if (saved && (saved.kind !== 'page' || inPageAvailable())) return saved
  return defaultChoice()
}

/** The current choice, resolving it on first use. */
export function currentChoice(): Promise<ChainChoice> {
  resolving ??= resolveChoice().then((c) => (choice.value = c))
  return resolving
}

/** Switches the page to another chain and keeps the choice for this browser. */
/** Whether the reader's chain is the in-page one and no step has started it yet: nothing should start it to show a status. */
export async function inPageIdle(): Promise<boolean> {
  return (await currentChoice()).kind === 'page' && !inPageStarted()
}

export function selectChoice(c: ChainChoice): void {
  saveChoice(c)
  choice.value = c
  resolving = Promise.resolve(c)
}

export const connectionTransport: Transport = {
  get kind() {
    return choice.value?.kind === 'page' ? 'page' : 'http'
  },
  get base() {
    return choice.value?.kind === 'url' ? choice.value.url : ''
  },
  async send(body: string, node: string | undefined, signal: AbortSignal): Promise<TransportReply> {
    return transportOf(await currentChoice()).send(body, node, signal)
  },
  async meta(signal?: AbortSignal): Promise<unknown> {
    const c = await currentChoice()
    // Describing the in-page chain must not load it: the engine loads when a step first runs.
    if (c.kind === 'page' && !inPageStarted()) return IN_PAGE_IDLE
    return transportOf(c).meta(signal)
  },
}

export interface UseChainConnectionReturn {
  /**
   * null until resolved, and until the calling component has mounted: another component may have
   * resolved it before this one hydrates, whose first render must match the server's (nothing resolved).
   */
  choice: Readonly<Ref<ChainChoice | null>>
  select(c: ChainChoice): void
  /** Whether "in this page" can be offered here. */
  pageAvailable(): boolean
}

export function useChainConnection(): UseChainConnectionReturn {
  const mounted = ref(false)
  // Never during the server render: the choice depends on this browser.
  onMounted(() => {
    mounted.value = true
    void currentChoice()
  })
  return { choice: computed(() => (mounted.value ? choice.value : null)), select: selectChoice, pageAvailable: inPageAvailable }
}

/** Forget the resolved choice (tests). */
export function resetChainConnection(): void {
  choice.value = null
  resolving = null
}
