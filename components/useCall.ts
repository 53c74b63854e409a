/**
 * One RPC call's life in a component: idle → running → done | failed, or `recorded` when no chain
 * answers and a recorded reply stands in. Cancels itself when the component unmounts.
 */
import { onBeforeUnmount, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { withBase } from 'vuepress/client'
import type { CallOptions } from '../protocol/client.ts'
import { AbortedError, ChainUnavailableError } from '../protocol/errors.ts'
import type { MethodResult } from '../protocol/types.ts'
import type { RecordedReply } from './recorded/index.ts'
import { useRpcClient } from './useRpcClient.ts'
import { inPageAvailable } from './inPageChain.ts'
import { callsReleased } from './checkpointGate.ts'

export type CallState = 'idle' | 'running' | 'done' | 'failed' | 'recorded'

export interface UseCallReturn<T> {
  state: Ref<CallState>
  result: ShallowRef<T | undefined>
  error: ShallowRef<unknown>
  durationMs: Ref<number | null>
  /** The recorded reply standing in for the chain (state `recorded`): where it came from, whether its params match. */
  recorded: ShallowRef<RecordedReply | null>
  /** Resolves with the result (live or recorded), or undefined when the call failed. */
  run(method: string, params: unknown[], options?: Omit<CallOptions, 'signal'>): Promise<T | undefined>
  cancel(): void
}

export function useCall<T = unknown>(options: { recorded?: boolean } = {}): UseCallReturn<T> {
  const state = ref<CallState>('idle')
  const result = shallowRef<T>()
  const error = shallowRef<unknown>(null)
  const durationMs = ref<number | null>(null)
  const recorded = shallowRef<RecordedReply | null>(null)
  let controller: AbortController | null = null

  async function run(method: string, params: unknown[], callOptions: Omit<CallOptions, 'signal'> = {}): Promise<T | undefined> {
    controller?.abort()
    const mine = (controller = new AbortController())
    state.value = 'running'
    error.value = null
    durationMs.value = null
    recorded.value = null
    try {
      await callsReleased()
      const out = await useRpcClient().call(method, params, { ...callOptions, signal: mine.signal })
      if (mine !== controller) return undefined
      result.value = out.result as MethodResult<string> as T
      durationMs.value = Math.round(out.durationMs)
      state.value = 'done'
      return result.value
    } catch (err) {
      if (mine !== controller) return undefined
      // Recorded replies only where no chain can answer: a browser that cannot run the in-page chain.
      if (err instanceof ChainUnavailableError && options.recorded !== false && !inPageAvailable()) {
        // The index of recordings loads only here: a page whose chain answers never pays for it.
        const rec = await import('./recorded/index.ts').then((r) => r.loadRecorded(method, params, callOptions.node, { url: withBase })).catch(() => null)
        if (mine !== controller) return undefined
        if (rec) {
          result.value = rec.result as T
          recorded.value = rec
          state.value = 'recorded'
          error.value = null
          return result.value
        }
      }
      error.value = err
      state.value = err instanceof AbortedError ? 'idle' : 'failed'
      return undefined
    } finally {
      if (mine === controller) controller = null
    }
  }

  function cancel(): void {
    controller?.abort()
  }

  onBeforeUnmount(cancel)
  return { state, result, error, durationMs, recorded, run, cancel }
}
