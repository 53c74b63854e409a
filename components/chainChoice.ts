/**
 * Which chain the page talks to, as the reader chose it: `page` (the in-page chain, in a Web
 * Worker), `site` (this site's `/rpc`) or a gateway's URL ("your own node"). `?chain=page|site|<url>`
 * deep-links a choice; the last choice is kept per browser in localStorage.
 */
import { gatewayBase } from '../protocol/transport.ts'

export type ChainChoice = { kind: 'page' } | { kind: 'site' } | { kind: 'url'; url: string }

export const STORAGE_KEY = 'kj-chain'

/** `page`, `site` or an http(s) URL; null for anything else (a typo never becomes a request). */
export function parseChoice(text: string | null | undefined): ChainChoice | null {
  const t = (text ?? '').trim()
  if (t === 'page' || t === 'site') return { kind: t }
  const base = t ? gatewayBase(t) : null
  return base ? { kind: 'url', url: base } : null
}

export function choiceText(c: ChainChoice): string {
  return c.kind === 'url' ? c.url : c.kind
}

export const sameChoice = (a: ChainChoice | null, b: ChainChoice | null): boolean => !!a && !!b && choiceText(a) === choiceText(b)

/** The `?chain=` of a URL's query string, when it names a valid choice. */
export function choiceFromQuery(search: string): ChainChoice | null {
  return parseChoice(new URLSearchParams(search).get('chain'))
}

export function savedChoice(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ChainChoice | null {
  try {
    return parseChoice(storage?.getItem(STORAGE_KEY))
  } catch {
    return null // storage blocked
  }
}

export function saveChoice(c: ChainChoice, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, choiceText(c))
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}
