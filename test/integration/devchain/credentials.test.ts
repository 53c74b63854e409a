/**
 * `npm run chain` takes its RPC password from a komodod conf file or the environment, so nothing
 * puts it in argv: the process's command line (what `ps` shows), its output and its replies never
 * contain it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanUp, spawnChain, tempDir } from './spawnChain.ts'

afterEach(cleanUp)

const basic = (user: string, pass: string) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64')

async function call(url: string, auth: string, method: string, params: unknown[] = []): Promise<{ status: number; text: string }> {
  const res = await fetch(url + '/', { method: 'POST', headers: { authorization: auth }, body: JSON.stringify({ method, params, id: 1 }) })
  return { status: res.status, text: await res.text() }
}

/** Starts the chain, proves the credentials work and the defaults do not, and looks for the password everywhere. */
async function expectHidden(args: string[], env: Record<string, string>, user: string, password: string): Promise<void> {
  const chain = await spawnChain(args, env)
  const auth = basic(user, password)
  const replies = [
    await call(chain.url, auth, 'getinfo'),
    await call(chain.url, auth, 'help'),
    await call(chain.url, auth, 'getblock', ['nope']),
    await call(chain.url, auth, 'nosuchmethod'),
  ]
  expect(replies[0].status).toBe(200)
  expect((await call(chain.url, basic('user', 'pass'), 'getinfo')).status).toBe(401)
  expect((await call(chain.url, basic(user, `${password}x`), 'getinfo')).status).toBe(401)
  const cmdline = readFileSync(`/proc/${chain.child.pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  expect(cmdline).toContain('launch.mjs')
  for (const text of [cmdline, chain.stdout(), chain.stderr(), ...replies.map((r) => r.text)]) expect(text).not.toContain(password)
}

describe('RPC credentials', () => {
  it('reads <name>.conf in the data directory, the way komodod does', async () => {
    const dir = tempDir()
    const password = 'conf-Pa55-4f1d9e0c'
    writeFileSync(join(dir, 'CONFTEST.conf'), `# komodod-style conf\nrpcuser=confuser\nrpcpassword=${password}\nserver=1\nrpcport=0\n`)
    await expectHidden(['-ac_name=CONFTEST', `-datadir=${dir}`], {}, 'confuser', password)
  })

  it('reads the file named by -conf', async () => {
    const dir = tempDir()
    const password = 'named-Pa55-77aa31b2'
    const conf = join(dir, 'elsewhere.conf')
    writeFileSync(conf, `rpcuser=named\nrpcpassword=${password}\n`)
    await expectHidden([`-conf=${conf}`, `-datadir=${join(dir, 'data')}`, '-rpcport=0'], {}, 'named', password)
  })

  it('takes DEVCHAIN_RPC_USER and DEVCHAIN_RPC_PASSWORD from the environment', async () => {
    const password = 'env-Pa55-0b9c2d4e'
    await expectHidden([`-datadir=${tempDir()}`, '-rpcport=0'], { DEVCHAIN_RPC_USER: 'envuser', DEVCHAIN_RPC_PASSWORD: password }, 'envuser', password)
  })

  it('lets the command line win over the environment and the conf file, as komodod does', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'DOCS.conf'), 'rpcuser=fromconf\nrpcpassword=conf-secret-123\n')
    const chain = await spawnChain([`-datadir=${dir}`, '-rpcport=0', '-rpcuser=fromargv'], { DEVCHAIN_RPC_PASSWORD: 'env-secret-456' })
    expect((await call(chain.url, basic('fromargv', 'env-secret-456'), 'getblockcount')).status).toBe(200)
    expect((await call(chain.url, basic('fromconf', 'conf-secret-123'), 'getblockcount')).status).toBe(401)
  })

  it('stops with a message when -conf names a missing file', async () => {
    await expect(spawnChain([`-conf=${join(tempDir(), 'missing.conf')}`, '-rpcport=0'])).rejects.toThrow(/-conf: no such file/)
  })
})
