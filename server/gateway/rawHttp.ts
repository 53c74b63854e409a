/**
 * A small keep-alive HTTP/1.1 client for JSON-RPC POSTs: one pool of sockets per node, requests
 * written as one buffer, responses parsed just enough (status, Content-Length or chunked, or read
 * to close). Node's http client costs more CPU per call than the gateway's own work, which is what
 * a relay hop pays on every call. A reused socket the server closed while idle is retried once on
 * a fresh one, as Node's agent does.
 */
import net from 'node:net'

export interface RawResponse {
  status: number
  body: Buffer
}

export class RawHttpError extends Error {
  constructor(readonly kind: 'timeout' | 'connection' | 'protocol' | 'too-large') {
    super(kind)
    this.name = 'RawHttpError'
  }
}

interface Pending {
  resolve(r: RawResponse): void
  reject(e: RawHttpError): void
}

const CRLF2 = Buffer.from('\r\n\r\n')

/** One connection; handles one request at a time (no pipelining). */
class Conn {
  readonly socket: net.Socket
  private buf: Buffer = Buffer.alloc(0)
  private pending: Pending | null = null
  private head: { status: number; length: number; chunked: boolean; close: boolean; bodyStart: number } | null = null
  /** Bytes of this response seen so far; 0 means a failure can be retried safely. */
  received = 0
  alive = true

  constructor(host: string, port: number, private readonly maxBytes: number, private readonly onFree: (c: Conn) => void, private readonly onDead: (c: Conn) => void) {
    this.socket = net.connect({ host, port, noDelay: true })
    this.socket.on('data', (d: Buffer) => this.onData(d))
    this.socket.on('error', () => this.die())
    this.socket.on('close', () => this.die())
  }

  send(request: string, p: Pending): void {
    this.pending = p
    this.buf = Buffer.alloc(0)
    this.head = null
    this.received = 0
    this.socket.write(request, 'utf8')
  }

  destroy(): void {
    this.socket.destroy()
    this.die()
  }

  private die(): void {
    if (!this.alive) return
    this.alive = false
    const p = this.pending
    this.pending = null
    // A response without length ends with the connection.
    if (p && this.head && this.head.length < 0 && !this.head.chunked) {
      p.resolve({ status: this.head.status, body: this.buf.subarray(this.head.bodyStart) })
    } else p?.reject(new RawHttpError('connection'))
    this.onDead(this)
  }

  private onData(d: Buffer): void {
    if (!this.pending) return this.destroy() // bytes nobody asked for
    this.received += d.length
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d
    if (this.buf.length > this.maxBytes) return this.fail(new RawHttpError('too-large'))
    if (!this.head) {
      const end = this.buf.indexOf(CRLF2)
      if (end < 0) return
      const lines = this.buf.subarray(0, end).toString('latin1').split('\r\n')
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0])
      if (!m) return this.fail(new RawHttpError('protocol'))
      let length = -1
      let chunked = false
      let close = lines[0].startsWith('HTTP/1.0')
      for (let i = 1; i < lines.length; i++) {
        const colon = lines[i].indexOf(':')
        const name = lines[i].slice(0, colon).trim().toLowerCase()
        const value = lines[i].slice(colon + 1).trim().toLowerCase()
        if (name === 'content-length') length = Number(value)
        else if (name === 'transfer-encoding') chunked = value.includes('chunked')
        else if (name === 'connection') close = value.includes('close') || (close && !value.includes('keep-alive'))
      }
      if (!chunked && length >= 0 && !Number.isSafeInteger(length)) return this.fail(new RawHttpError('protocol'))
      this.head = { status: Number(m[1]), length, chunked, close, bodyStart: end + 4 }
    }
    const h = this.head
    if (h.chunked) {
      const body = dechunk(this.buf, h.bodyStart)
      if (body === 'bad') return this.fail(new RawHttpError('protocol'))
      if (body) this.finish(h.status, body, h.close)
    } else if (h.length >= 0 && this.buf.length - h.bodyStart >= h.length) {
      this.finish(h.status, this.buf.subarray(h.bodyStart, h.bodyStart + h.length), h.close)
    }
  }

  private finish(status: number, body: Buffer, close: boolean): void {
    const p = this.pending!
    this.pending = null
    this.head = null
    this.buf = Buffer.alloc(0)
    if (close) this.destroy()
    else this.onFree(this)
    p.resolve({ status, body })
  }

  private fail(e: RawHttpError): void {
    const p = this.pending
    this.pending = null
    this.socket.destroy()
    p?.reject(e)
    this.die()
  }
}

/** Decodes a complete chunked body, null while incomplete, 'bad' when malformed. */
function dechunk(buf: Buffer, start: number): Buffer | null | 'bad' {
  const parts: Buffer[] = []
  let at = start
  for (;;) {
    const eol = buf.indexOf('\r\n', at)
    if (eol < 0) return null
    const size = parseInt(buf.subarray(at, eol).toString('latin1').split(';')[0], 16)
    if (!Number.isFinite(size) || size < 0) return 'bad'
    if (size === 0) return buf.indexOf(CRLF2, eol) >= 0 || buf.length >= eol + 4 ? Buffer.concat(parts) : null
    if (buf.length < eol + 2 + size + 2) return null
    parts.push(buf.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
}

export interface RawPool {
  post(path: string, headers: string, body: string, timeoutMs: number): Promise<RawResponse>
  close(): void
}

export function createRawPool(host: string, port: number, maxSockets: number, maxBytes: number): RawPool {
  const idle: Conn[] = []
  const all = new Set<Conn>()
  const waiters: Array<(c: Conn) => void> = []
  const hostHeader = `Host: ${host.includes(':') ? `[${host}]` : host}:${port}\r\n`

  const onFree = (c: Conn): void => {
    const w = waiters.shift()
    if (w) w(c)
    else idle.push(c)
  }
  const onDead = (c: Conn): void => {
    all.delete(c)
    const i = idle.indexOf(c)
    if (i >= 0) idle.splice(i, 1)
    // A slot opened: the next waiter gets a fresh connection.
    const w = waiters.shift()
    if (w) w(fresh())
  }
  const fresh = (): Conn => {
    const c = new Conn(host, port, maxBytes, onFree, onDead)
    all.add(c)
    return c
  }
  const acquire = (): { conn: Conn; reused: boolean } | Promise<Conn> => {
    const c = idle.pop()
    if (c) return { conn: c, reused: true }
    if (all.size < maxSockets) return { conn: fresh(), reused: false }
    return new Promise((resolve) => waiters.push(resolve))
  }

  const attempt = (conn: Conn, request: string, timeoutMs: number): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new RawHttpError('timeout'))
        conn.destroy()
      }, timeoutMs)
      conn.send(request, {
        resolve: (r) => {
          clearTimeout(timer)
          resolve(r)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      })
    })

  return {
    async post(path, headers, body, timeoutMs) {
      // One string, one write: the head is ASCII, so its UTF-8 bytes are its characters.
      const request = `POST ${path} HTTP/1.1\r\n${hostHeader}${headers}Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\nConnection: keep-alive\r\n\r\n${body}`
      const started = performance.now()
      const got = acquire()
      const { conn, reused } = 'then' in got ? { conn: await got, reused: false } : got
      const left = timeoutMs - (performance.now() - started)
      if (left <= 0) {
        onFree(conn)
        throw new RawHttpError('timeout')
      }
      try {
        return await attempt(conn, request, left)
      } catch (e) {
        // The server may close an idle keep-alive socket just as we reuse it: retry once, fresh.
        if (reused && e instanceof RawHttpError && e.kind === 'connection' && conn.received === 0) {
          const again = acquire()
          const c2 = 'then' in again ? await again : again.conn
          return attempt(c2, request, Math.max(1, timeoutMs - (performance.now() - started)))
        }
        throw e
      }
    },
    close() {
      for (const c of [...all]) c.destroy()
      idle.length = 0
    },
  }
}
