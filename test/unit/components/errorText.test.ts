/**
 * A chain that does not answer is named in the message: the in-page chain is never "No chain answers
 * at /rpc", and the words come from the reader's language.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { errorText } from '../../../components/errorText.ts'
import { en, type UiStrings } from '../../../components/i18n/en.ts'
import { RpcClient } from '../../../protocol/client.ts'
import { ChainUnavailableError } from '../../../protocol/errors.ts'
import { messageTransport, type MessageEndpoint } from '../../../protocol/transport.ts'

const zh = { ...en, errors: { ...en.errors, ...(JSON.parse(readFileSync('locales/zh/locale.json', 'utf8')) as { ui: { errors: Partial<UiStrings['errors']> } }).ui.errors } } as UiStrings

/** A worker that fails as a module worker whose chunk cannot load does. */
function brokenWorker(): MessageEndpoint {
  const target = new EventTarget()
  return {
    postMessage: () => queueMicrotask(() => target.dispatchEvent(Object.assign(new Event('error'), { message: 'chunk failed to load' }))),
    addEventListener: (type: string, fn: (e: never) => void) => target.addEventListener(type, fn as EventListener),
  } as MessageEndpoint
}

describe('errorText for a chain that does not answer', () => {
  it('says the in-page chain stopped, and why, not /rpc', async () => {
    const client = new RpcClient({ transport: messageTransport(brokenWorker()) })
    const err = await client.call('getinfo').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ChainUnavailableError)
    expect((err as ChainUnavailableError).where).toBe('page')
    const text = errorText(en, err)
    expect(text).not.toContain('/rpc')
    expect(text).toBe('The chain in this page stopped (chunk failed to load). Reload the page to start it again.')
    expect(errorText(zh, err)).toContain('本页中的链已停止')
  })

  it('says another tab holds the in-page chain (status 503 from its worker)', () => {
    const err = new ChainUnavailableError(503, 'the in-page chain kj-devchain is open in another tab of this browser', 'page')
    expect(errorText(en, err)).toBe(en.errors.pageLocked)
  })

  it('names the endpoint of this site or of the reader\'s own node', async () => {
    const fake = (async () => new Response('<html>not found</html>', { status: 404, headers: { 'content-type': 'text/html' } })) as unknown as typeof fetch
    const own = new RpcClient({ fetch: fake, base: 'http://127.0.0.1:8080' })
    const err = await own.call('getinfo', [], { node: 'reader' }).catch((e: unknown) => e)
    expect(errorText(en, err)).toBe('No chain answers at http://127.0.0.1:8080/rpc/reader.')
    expect(errorText(en, new ChainUnavailableError(0, 'fetch failed'))).toBe('No chain answers at /rpc.')
  })
})
