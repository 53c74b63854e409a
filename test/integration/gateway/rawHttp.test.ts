/** The upstream HTTP client against raw sockets: framing variants, keep-alive reuse, server-side closes. */
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { RawHttpError, createRawPool } from '../../../server/gateway/rawHttp.ts'

const servers: net.Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r))
})

/** A server answering each request (one per `\r\n\r\n` + body) with `reply(n, socket)`. */
async function rawServer(reply: (n: number, socket: net.Socket) => void): Promise<{ port: number; connections: () => number }> {
  let count = 0
  let connections = 0
  const server = net.createServer((socket) => {
    connections++
    let buf = ''
    socket.on('data', (d) => {
      buf += d.toString('latin1')
      for (;;) {
        const end = buf.indexOf('\r\n\r\n')
        if (end < 0) return
        const length = Number(/content-length: (\d+)/i.exec(buf.slice(0, end))?.[1] ?? 0)
        if (buf.length < end + 4 + length) return
        buf = buf.slice(end + 4 + length)
        reply(++count, socket)
      }
    })
    socket.on('error', () => {})
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { port: (server.address() as net.AddressInfo).port, connections: () => connections }
}

const post = (port: number, timeout = 2000, maxBytes = 1 << 20) => {
  const pool = createRawPool('127.0.0.1', port, 2, maxBytes)
  return { pool, ask: () => pool.post('/', 'Content-Type: application/json\r\n', '{"method":"getinfo"}', timeout) }
}

describe('raw upstream client', () => {
  it('reads Content-Length replies and reuses the connection', async () => {
    const srv = await rawServer((n, s) => s.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${String(n).length + 2}\r\n\r\n[${n}]`))
    const { pool, ask } = post(srv.port)
    const bodies = [] as string[]
    for (let i = 0; i < 5; i++) bodies.push((await ask()).body.toString())
    expect(bodies).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]'])
    expect(srv.connections()).toBe(1)
    pool.close()
  })

  it('reads chunked replies, split across packets', async () => {
    const srv = await rawServer((_, s) => {
      s.write('HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":')
      setTimeout(() => s.write('\r\n2\r\n1}\r\n0\r\n\r\n'), 20)
    })
    const { pool, ask } = post(srv.port)
    const r = await ask()
    expect(r.status).toBe(500)
    expect(r.body.toString()).toBe('{"a":1}')
    pool.close()
  })

  it('reads a reply delimited by the connection closing, then opens a new connection', async () => {
    const srv = await rawServer((n, s) => s.end(`HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm="jsonrpc"\r\n\r\nno ${n}`))
    const { pool, ask } = post(srv.port)
    expect((await ask())).toMatchObject({ status: 401 })
    expect((await ask()).body.toString()).toBe('no 2')
    expect(srv.connections()).toBe(2)
    pool.close()
  })

  it('opens a fresh connection when the server closed an idle kept-alive one', async () => {
    const srv = await rawServer((_, s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')
      // Close right after answering, without saying so: the next reuse finds a dead socket.
      setTimeout(() => s.destroy(), 5)
    })
    const { pool, ask } = post(srv.port)
    expect((await ask()).body.toString()).toBe('ok')
    await new Promise((r) => setTimeout(r, 30))
    expect((await ask()).body.toString()).toBe('ok')
    pool.close()
  })

  it('fails with timeout, connection and too-large errors', async () => {
    const silent = await rawServer(() => {})
    await expect(post(silent.port, 100).ask()).rejects.toMatchObject({ kind: 'timeout' })
    const big = await rawServer((_, s) => s.write(`HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n${'x'.repeat(5000)}`))
    await expect(post(big.port, 2000, 1000).ask()).rejects.toMatchObject({ kind: 'too-large' })
    const garbage = await rawServer((_, s) => s.write('SSH-2.0-OpenSSH\r\n\r\n'))
    await expect(post(garbage.port).ask()).rejects.toMatchObject({ kind: 'protocol' })
    const closed = await rawServer(() => {})
    const port = closed.port
    await new Promise((r) => servers.pop()!.close(r))
    const err = await post(port).ask().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RawHttpError)
    expect((err as RawHttpError).kind).toBe('connection')
  })

  it('queues calls beyond maxSockets and serves them as connections free up', async () => {
    const srv = await rawServer((n, s) => setTimeout(() => s.write(`HTTP/1.1 200 OK\r\nContent-Length: ${String(n).length}\r\n\r\n${n}`), 10))
    const { pool, ask } = post(srv.port)
    const all = await Promise.all(Array.from({ length: 6 }, () => ask()))
    expect(all.map((r) => Number(r.body.toString())).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
    expect(srv.connections()).toBe(2)
    pool.close()
  })
})
