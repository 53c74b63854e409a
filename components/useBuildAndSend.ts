/**
 * The CC pattern: a module method builds a signed transaction (`{result, hex}`), then
 * `sendrawtransaction` relays it. Both calls' states are kept for the panel to show.
 */
import { ref } from 'vue'
import type { HexResult } from '../protocol/types.ts'
import { useCall } from './useCall.ts'

export function useBuildAndSend() {
  const build = useCall<HexResult>()
  const send = useCall<string>()
  const txid = ref<string | null>(null)

  async function run(method: string, params: unknown[], node?: string, timeoutMs?: number): Promise<string | null> {
    txid.value = null
    send.state.value = 'idle'
    send.error.value = null
    const built = await build.run(method, params, { node, timeoutMs })
    if (!built?.hex) return null
    const id = await send.run('sendrawtransaction', [built.hex], { node })
    txid.value = id ?? null
    return txid.value
  }

  return { build, send, txid, run }
}
