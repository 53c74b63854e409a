/// <reference lib="webworker" />
/**
 * The in-page chain: the devchain engine in a module Web Worker, answering JSON-RPC bodies posted
 * by the page (protocol/transport.ts `messageTransport`) with the status and text komodod's HTTP
 * face would send, through the engine's one door (devchain/rpc/body.ts). A composition root: the
 * engine with the browser platform (`#platform` resolves to devchain/platform/browser in a
 * browser bundle) and the module registry's rules.
 *
 * Nothing here touches the network: every answer is computed in this worker.
 */
import { createDevchainCore, StoreLockedError, type DevchainCore } from '../../devchain/index.ts'
import { handleRpcBody } from '../../devchain/rpc/body.ts'
import { publicChainParams } from '../../devchain/chain/publicParams.ts'
import { idbStorage } from '../../devchain/platform/browser/idbStore.ts'
import type { WorkerReply, WorkerRequest } from '../../protocol/transport.ts'
import { loadModuleRules } from '../../modules/loadRules.ts'

declare const self: DedicatedWorkerGlobalScope

interface OpenOptions {
  /** `?seed=<text>`: a deterministic chain, the same as `DEVCHAIN_SEED=<text> npm run chain`. */
  seed?: string | null
}

// The module rules load while the worker starts, before the page asks for the chain.
const rules = loadModuleRules()

let options: OpenOptions = {}
let chain: Promise<DevchainCore> | null = null
let persistent = true

/**
 * One database per browser profile for the reader's chain (its seed is random, chosen by the engine
 * when the chain is born and kept in its log); a seeded chain has its own, so a test or a screenshot
 * never touches the reader's chain.
 */
const location = (): string => (options.seed ? `kj-devchain-seed:${options.seed}` : 'kj-devchain')

async function openChain(reset: boolean): Promise<DevchainCore> {
  const seed = options.seed || undefined
  const modules = await rules
  if (persistent) {
    try {
      return await createDevchainCore({ dataDir: location(), storage: idbStorage, seed, reset, modules })
    } catch (e) {
      if (e instanceof StoreLockedError) throw e
      // No IndexedDB here (some private modes): the chain still runs, for this page's life.
      persistent = false
    }
  }
  return createDevchainCore({ dataDir: null, seed, reset, modules })
}

function open(reset = false): Promise<DevchainCore> {
  const p = openChain(reset)
  chain = p
  // Another tab holds the chain: the next call tries again (that tab may have closed).
  p.catch(() => {
    if (chain === p) chain = null
  })
  return p
}

const current = (): Promise<DevchainCore> => chain ?? open()

async function meta(): Promise<unknown> {
  const dc = await current()
  return {
    kind: 'devchain',
    chain: publicChainParams(dc.params),
    nodes: dc.nodes,
    defaultNode: 'miner',
    profile: 'page',
    seeded: !!options.seed,
    persistent,
  }
}

async function control(action: string, args: unknown): Promise<unknown> {
  if (action === 'open') {
    options = { ...(args as OpenOptions) }
    await current()
    return { opened: true }
  }
  if (action === 'reset') {
    const old = chain
    chain = null
    await (await old?.catch(() => null))?.close()
    const dc = await open(true)
    return { height: dc.ledger.height }
  }
  throw new Error(`unknown control: ${action}`)
}

async function answer(req: WorkerRequest): Promise<WorkerReply> {
  switch (req.type) {
    case 'rpc': {
      let dc: DevchainCore
      try {
        dc = await current()
      } catch (e) {
        // komodod's error while it cannot serve yet (-28, "in warmup"), with the reason; status 503 tells
        // the page no chain could answer (another tab holds this one), not that a call failed.
        const body = JSON.stringify({ result: null, error: { code: -28, message: e instanceof Error ? e.message : String(e) }, id: null })
        return { id: req.id, type: 'rpc', status: e instanceof StoreLockedError ? 503 : 500, body }
      }
      const r = await handleRpcBody(dc, req.node, req.body)
      return { id: req.id, type: 'rpc', status: r.status, body: r.body }
    }
    case 'meta':
      return { id: req.id, type: 'meta', meta: await meta() }
    case 'control':
      try {
        return { id: req.id, type: 'control', result: await control(req.action, req.args) }
      } catch (e) {
        return { id: req.id, type: 'control', error: e instanceof Error ? e.message : String(e) }
      }
  }
}

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  void answer(e.data).then(
    (reply) => self.postMessage(reply),
    (err: unknown) => {
      // An engine bug: the page gets komodod's 500 with a generic message.
      const body = JSON.stringify({ result: null, error: { code: -32603, message: `Internal error in the in-page chain: ${err instanceof Error ? err.message : String(err)}` }, id: null })
      self.postMessage({ id: e.data.id, type: 'rpc', status: 500, body } satisfies WorkerReply)
    },
  )
})
