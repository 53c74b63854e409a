/**
 * deploy/komodod-node.sh, the komodod containers' entrypoint, run for real against fake `komodod` and `komodo-cli`
 * executables on PATH (no Docker engine or komodod here): the conf it writes, the flags it starts komodod with, the
 * first-start pubkey bootstrap, the restart path that reuses the pubkey, and a clean stop on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const SCRIPT = path.join(ROOT, 'deploy/komodod-node.sh')
const PUBKEY = `02${'ab'.repeat(32)}`
const ADDRESS = 'RFakeJourneysAddress1111111111111'

// Records its arguments, then runs until SIGTERM like a daemon; FAKE_KOMODOD_EXIT makes it die at start instead.
const FAKE_KOMODOD = `#!/bin/sh
echo "$@" > "$FAKE_DIR/komodod.args"
[ -n "\${FAKE_KOMODOD_EXIT:-}" ] && exit "$FAKE_KOMODOD_EXIT"
trap 'echo stopped > "$FAKE_DIR/komodod.term"; exit 0' TERM
touch "$FAKE_DIR/ready"
while :; do sleep 0.05; done
`
// Answers the calls the script makes, as komodo-cli prints them; refuses until the fake daemon is up.
const FAKE_CLI = `#!/bin/sh
echo "$*" >> "$FAKE_DIR/cli.log"
shift
case "$1" in
  getblockcount) [ -f "$FAKE_DIR/ready" ] || { echo "error: couldn't connect to server" >&2; exit 1; }; echo 0 ;;
  getnewaddress) echo ${ADDRESS} ;;
  validateaddress) printf '{\\n  "isvalid": true,\\n  "address": "%s",\\n  "ismine": true,\\n  "pubkey": "${PUBKEY}"\\n}\\n' "$2" ;;
  setpubkey) printf '{\\n  "pubkey": "${PUBKEY}",\\n  "ismine": true\\n}\\n' ;;
  setgenerate) ;;
  *) echo "error: unexpected call $1" >&2; exit 1 ;;
esac
`

interface Node {
  child: ChildProcess
  home: string
  fake: string
  output: () => string
  exited: Promise<number | null>
}

const running: Node[] = []
const dirs: string[] = []
afterEach(() => {
  for (const n of running.splice(0)) if (n.child.exitCode === null) n.child.kill('SIGKILL')
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-node-'))
  dirs.push(d)
  return d
}

function startNode(env: Record<string, string>, home = tempDir()): Node {
  const fake = tempDir()
  const bin = path.join(fake, 'bin')
  fs.mkdirSync(bin)
  fs.writeFileSync(path.join(bin, 'komodod'), FAKE_KOMODOD, { mode: 0o755 })
  fs.writeFileSync(path.join(bin, 'komodo-cli'), FAKE_CLI, { mode: 0o755 })
  const child = spawn('sh', [SCRIPT], {
    env: {
      PATH: `${bin}:${process.env.PATH}`, HOME: home, FAKE_DIR: fake,
      AC_NAME: 'DOCS', AC_SUPPLY: '1000000', AC_CC: '2', RPC_PORT: '24708', P2P_PORT: '24707', RPC_ALLOW: '172.28.0.0/24',
      KOMODO_RPC_USER: 'node-user', KOMODO_RPC_PASSWORD: 'node-Secret-42',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const node: Node = { child, home, fake, output: () => out, exited: new Promise((r) => child.once('exit', (code) => r(code))) }
  running.push(node)
  return node
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')
const cliCalls = (n: Node) => read(path.join(n.fake, 'cli.log')).trim().split('\n').filter(Boolean).map((l) => l.split(' ')[1])
const komododArgs = (n: Node) => read(path.join(n.fake, 'komodod.args')).trim().split(' ')

async function until(what: string, ok: () => boolean, node: Node, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${node.output()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function stop(n: Node): Promise<number | null> {
  n.child.kill('SIGTERM')
  return n.exited
}

describe('deploy/komodod-node.sh', () => {
  it('first start: writes a private conf, starts komodod with the chain flags, bootstraps and keeps the pubkey', async () => {
    const n = startNode({ PEER: 'komodod-reader:24707', MINE: '1', SEED_NODES: 'seed1.example:24707  seed2.example:24707' })
    const pubkeyFile = () => path.join(n.home, '.komodo/DOCS/journeys.pubkey')
    await until('the pubkey bootstrap', () => read(pubkeyFile()).trim() === PUBKEY && cliCalls(n).includes('setgenerate'), n)

    const conf = path.join(n.home, '.komodo/DOCS/DOCS.conf')
    expect(read(conf)).toContain('rpcuser=node-user\nrpcpassword=node-Secret-42\nrpcport=24708\n')
    expect(read(conf)).toContain('rpcallowip=172.28.0.0/24')
    expect(fs.statSync(conf).mode & 0o777).toBe(0o600)

    const args = komododArgs(n)
    expect(args.slice(0, 4)).toEqual(['-ac_name=DOCS', '-ac_supply=1000000', '-ac_cc=2', '-port=24707'])
    expect(args).toContain('-testnode=1')
    // The peer and every seed node, split on whitespace.
    expect(args.filter((a) => a.startsWith('-addnode='))).toEqual(['-addnode=komodod-reader:24707', '-addnode=seed1.example:24707', '-addnode=seed2.example:24707'])
    expect(args.some((a) => a.startsWith('-pubkey='))).toBe(false)
    expect(args).not.toContain('-ac_reward=')
    expect(cliCalls(n)).toEqual(expect.arrayContaining(['getblockcount', 'getnewaddress', 'validateaddress', 'setpubkey', 'setgenerate']))
    expect(n.output()).toContain(`node identity: ${ADDRESS} ${PUBKEY}`)
    // The password never reaches the output.
    expect(n.output()).not.toContain('node-Secret-42')

    expect(await stop(n)).toBe(0)
    expect(read(path.join(n.fake, 'komodod.term'))).toContain('stopped')
  })

  it('restart: passes the kept pubkey and mining flags, and makes no new identity', async () => {
    const first = startNode({ MINE: '1' })
    await until('the first bootstrap', () => cliCalls(first).includes('setgenerate'), first)
    expect(await stop(first)).toBe(0)

    const again = startNode({ MINE: '1' }, first.home)
    await until('komodod answering', () => cliCalls(again).includes('getblockcount') && fs.existsSync(path.join(again.fake, 'ready')), again)
    await new Promise((r) => setTimeout(r, 300))
    expect(komododArgs(again)).toEqual(expect.arrayContaining([`-pubkey=${PUBKEY}`, '-gen', '-genproclimit=1']))
    expect(cliCalls(again)).not.toContain('getnewaddress')
    expect(cliCalls(again)).not.toContain('setpubkey')
    expect(await stop(again)).toBe(0)
  })

  it('regtest: -regtest, no -testnode, and no continuous mining (blocks come from generate)', async () => {
    const n = startNode({ MINE: '1', REGTEST: '1', AC_REWARD: '0' })
    await until('the bootstrap', () => cliCalls(n).includes('setpubkey'), n)
    await new Promise((r) => setTimeout(r, 300))
    const args = komododArgs(n)
    expect(args).toContain('-regtest')
    expect(args).not.toContain('-testnode=1')
    // komodod treats -ac_reward=0 as unset: passing it would only change nothing, so it is left out.
    expect(args.some((a) => a.startsWith('-ac_reward'))).toBe(false)
    expect(cliCalls(n)).not.toContain('setgenerate')
    expect(await stop(n)).toBe(0)
  })

  it('passes a chosen reward, and refuses to start without credentials', async () => {
    const withReward = startNode({ AC_REWARD: '100000000' })
    await until('komodod started', () => komododArgs(withReward).length > 1, withReward)
    expect(komododArgs(withReward)).toContain('-ac_reward=100000000')
    expect(await stop(withReward)).toBe(0)

    const bare = startNode({ KOMODO_RPC_PASSWORD: '' })
    expect(await bare.exited).toBe(1)
    expect(bare.output()).toContain('KOMODO_RPC_USER and KOMODO_RPC_PASSWORD must be set')
    expect(fs.existsSync(path.join(bare.fake, 'komodod.args'))).toBe(false)
  })

  it('exits with a message when komodod dies during start-up', async () => {
    const n = startNode({ FAKE_KOMODOD_EXIT: '3' })
    expect(await n.exited).toBe(1)
    expect(n.output()).toContain('komodod exited during start-up')
  })
})
