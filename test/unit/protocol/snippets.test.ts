import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cliSnippet, curlSnippet, fetchSnippet, shellQuote, snippetsFor } from '../../../protocol/snippets.ts'

const ctx = { chain: 'DOCS', rpcport: 14523 }

/** What a real POSIX shell makes of a command line: its argv, one word per line (NUL-separated). */
function shellWords(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `set -- ${line.replace(/\$rpc(user|password)/g, 'X')}; printf '%s\\0' "$@"`], { encoding: 'utf8' })
  return out.split('\0').slice(0, -1)
}

describe('snippets from one request object', () => {
  it('writes komodo-cli with the chain name and shell-safe arguments', () => {
    const s = cliSnippet({ method: 'tokencreate', params: ['DOCS', '0.001', "it's <b>ours</b> $HOME"] }, ctx)
    expect(s).toBe(`komodo-cli -ac_name=DOCS tokencreate DOCS 0.001 'it'\\''s <b>ours</b> $HOME'`)
    expect(shellWords(s)).toEqual(['komodo-cli', '-ac_name=DOCS', 'tokencreate', 'DOCS', '0.001', "it's <b>ours</b> $HOME"])
    const obj = cliSnippet({ method: 'getaddressbalance', params: [{ addresses: ['RYNBgpcanNdfy4oGLbnVYnPPtu5JWcZM8B'] }, true] }, ctx)
    expect(shellWords(obj).slice(3)).toEqual(['{"addresses":["RYNBgpcanNdfy4oGLbnVYnPPtu5JWcZM8B"]}', 'true'])
    expect(shellQuote('')).toBe("''")
  })

  it('writes curl with the JSON body intact and the port from /rpc/meta', () => {
    const req = { method: 'faucetfund', params: ["10'"] }
    const s = curlSnippet(req, ctx)
    expect(s.startsWith('curl --user $rpcuser:$rpcpassword --data-binary ')).toBe(true)
    expect(s.endsWith(`-H 'content-type: text/plain;' http://127.0.0.1:14523/`)).toBe(true)
    const words = shellWords(s)
    const body = JSON.parse(words[words.indexOf('--data-binary') + 1])
    expect(body).toEqual({ jsonrpc: '1.0', id: 'curltest', method: 'faucetfund', params: ["10'"] })
    expect(curlSnippet(req, { chain: 'X' })).toContain('http://127.0.0.1:$rpcport/')
  })

  it('writes a fetch that targets the node and runs as JavaScript', async () => {
    const s = fetchSnippet({ method: 'getblockcount', params: [], node: 'reader' }, ctx)
    expect(s).toContain(`fetch("/rpc/reader"`)
    const seen: unknown[] = []
    const fakeFetch = async (url: string, init: { body: string }) => {
      seen.push(url, JSON.parse(init.body))
      return { json: async () => ({ result: 3, error: null }) }
    }
    const run = new Function('fetch', `return (async () => { ${s}; return result })()`)
    await expect(run(fakeFetch)).resolves.toBe(3)
    expect(seen).toEqual(['/rpc/reader', { jsonrpc: '1.0', id: 'docs', method: 'getblockcount', params: [] }])
    expect(Object.keys(snippetsFor({ method: 'getinfo', params: [] }, ctx))).toEqual(['cli', 'curl', 'fetch'])
  })
})
