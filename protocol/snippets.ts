/**
 * The same call as `komodo-cli`, `curl` and JS `fetch`, all generated from one request object so
 * the three never drift from what the page actually sends.
 */
import { endpointFor, type RpcCallRequest } from './client.ts'

export interface SnippetContext {
  /** `-ac_name` of the chain (from /rpc/meta). */
  chain: string
  /** komodod's RPC port; `$rpcport` is printed when unknown. */
  rpcport?: number | null
  /** Origin prefix for the fetch URL. @default '' (same origin) */
  base?: string
}

export interface Snippets {
  cli: string
  curl: string
  fetch: string
}

/** Safe unquoted shell words: no expansion, globbing or splitting can touch these. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/

/** Quotes one word for a POSIX shell: single quotes, with `'` written as `'\''`. */
export function shellQuote(word: string): string {
  if (word !== '' && PLAIN_WORD.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/**
 * One komodo-cli argument. komodo-cli decides JSON types by position (vRPCConvertParams), so a
 * string is written bare and a number, boolean, object or array as its JSON text.
 */
function cliArg(v: unknown): string {
  if (typeof v === 'string') return shellQuote(v)
  return shellQuote(JSON.stringify(v ?? null))
}

export function cliSnippet(req: RpcCallRequest, ctx: SnippetContext): string {
  const args = req.params.map(cliArg)
  return ['komodo-cli', shellQuote(`-ac_name=${ctx.chain}`), shellQuote(req.method), ...args].join(' ')
}

function body(req: RpcCallRequest, id: string): string {
  return JSON.stringify({ jsonrpc: '1.0', id, method: req.method, params: req.params })
}

export function curlSnippet(req: RpcCallRequest, ctx: SnippetContext): string {
  const port = ctx.rpcport ? String(ctx.rpcport) : '$rpcport'
  return `curl --user $rpcuser:$rpcpassword --data-binary ${shellQuote(body(req, 'curltest'))} `
    + `-H 'content-type: text/plain;' http://127.0.0.1:${port}/`
}

export function fetchSnippet(req: RpcCallRequest, ctx: SnippetContext): string {
  const url = endpointFor(req.node, ctx.base ?? '')
  const params = JSON.stringify(req.params)
  return [
    `const res = await fetch(${JSON.stringify(url)}, {`,
    `  method: 'POST',`,
    `  headers: { 'content-type': 'text/plain;' },`,
    `  body: JSON.stringify({ jsonrpc: '1.0', id: 'docs', method: ${JSON.stringify(req.method)}, params: ${params} }),`,
    `})`,
    `const { result, error } = await res.json()`,
  ].join('\n')
}

export function snippetsFor(req: RpcCallRequest, ctx: SnippetContext): Snippets {
  return { cli: cliSnippet(req, ctx), curl: curlSnippet(req, ctx), fetch: fetchSnippet(req, ctx) }
}
