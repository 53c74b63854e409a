/**
 * Reads a request body up to a byte limit. Over the limit the caller answers 413 at once; the rest
 * of the body is drained (so the client can read the answer) but no longer kept, and a client that
 * keeps sending far past the limit is cut off.
 */
import type { IncomingMessage } from 'node:http'

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' }

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    drain(req, limit)
    return Promise.resolve({ ok: false, reason: 'too-large' })
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (r: BodyResult): void => {
      if (done) return
      done = true
      req.off('data', onData)
      resolve(r)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        drain(req, limit)
        finish({ ok: false, reason: 'too-large' })
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => finish({ ok: true, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }))
    req.on('error', () => finish({ ok: false, reason: 'aborted' }))
    req.on('close', () => finish({ ok: false, reason: 'aborted' }))
  })
}

function drain(req: IncomingMessage, limit: number): void {
  let extra = 0
  req.on('data', (chunk: Buffer) => {
    extra += chunk.length
    if (extra > 16 * limit) req.destroy()
  })
  req.on('error', () => {})
  req.resume()
}
