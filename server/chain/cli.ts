/**
 * `npm run chain -- <komodod flags>`: the devchain as a komodod-style HTTP JSON-RPC server on
 * 127.0.0.1:<rpcport>. Extra flags: --reset (start over), --recover (a damaged log: keep a copy, cut it
 * at the last good record), -datadir=, -conf=, DEVCHAIN_DATA, DEVCHAIN_SEED,
 * DEVCHAIN_MINING=manual|automine|interval:N. Credentials come from the command line,
 * DEVCHAIN_RPC_USER/_PASSWORD/_PORT, or a komodod conf file (see conf.ts), and are never printed.
 */
import { DevchainCore } from '../../devchain/core.ts'
import { LogDamagedError, StoreLockedError } from '../../devchain/index.ts'
import { fileStorage } from '../../devchain/platform/node/fileStore.ts'
import { loadModuleRules } from '../../modules/loadRules.ts'
import type { Server } from 'node:http'
import { createHttpServer } from './http.ts'
import type { ResolvedArgs } from './conf.ts'
import { ConfError, resolveChainArgs } from './conf.ts'

/**
 * What every start does before it opens the chain and does not depend on its flags: loading the
 * modules' rules and the code they pull in. Node's startup snapshot runs it once, when it is built.
 */
export async function prepare(): Promise<void> {
  await loadModuleRules()
}

/** Starts the chain; resolves with its HTTP server once it listens (launch.cjs watches its first answer). */
export async function start(): Promise<Server> {
  const argv = process.argv.slice(2)
  const flag = (name: string): boolean => argv.includes(`--${name}`) || argv.includes(`-${name}`)
  const ours = new Set(['--reset', '-reset', '--recover', '-recover'])
  let resolved: ResolvedArgs
  let dc: DevchainCore
  try {
    resolved = resolveChainArgs(argv.filter((a) => !ours.has(a)), process.env)
    // The first answer comes once the snapshot is checked; the state is restored right after (core.ts).
    dc = await DevchainCore.open({ args: resolved.args, reset: flag('reset'), recover: flag('recover'), storage: fileStorage, modules: await loadModuleRules(), restoreInBackground: true })
  } catch (e) {
    // A refusal to start says why and what to do; a stack trace would only bury that.
    if (e instanceof ConfError) process.stderr.write(`devchain: ${e.message}\n`)
    else if (e instanceof StoreLockedError || e instanceof LogDamagedError) process.stderr.write(`${e.message}\n`)
    else throw e
    process.exit(1)
  }
  const server = createHttpServer(dc)
  const host = '127.0.0.1'

  server.listen(dc.params.rpcport, host, () => {
    const addr = server.address()
    const port = typeof addr === 'object' && addr ? addr.port : dc.params.rpcport
    const P = dc.params
    const magicHex = (P.magic >>> 0).toString(16)
    process.stdout.write(`>>>>>>>>>> ${P.name}: p2p.${P.p2pport} rpc.${port} magic.${magicHex} ${P.magic >>> 0} ${P.supply} coins\n`)
    process.stdout.write(`devchain listening on http://${host}:${port}/ (user ${P.rpcuser}${resolved.confFile ? `, conf ${resolved.confFile}` : ''}), height ${dc.height}, data ${P.datadir ?? 'memory'}\n`)
  })

  let stopping = false
  async function shutdown(code: number): Promise<void> {
    if (stopping) return
    stopping = true
    server.close()
    server.closeAllConnections()
    await dc.close()
    process.exit(code)
  }

  // Let the "server stopping" reply leave before connections are closed.
  dc.onStop(() => void setTimeout(() => void shutdown(0), 100))
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))

  await new Promise<void>((resolve) => server.once('listening', resolve))
  return server
}

// Exported, not called: the launcher calls it (launch.cjs), and so does a start from Node's startup
// snapshot (snapshotEntry.cjs), whose heap holds this module evaluated but nothing started. That also
// keeps the bundle free of top-level await, so it can be the CommonJS script V8's code cache needs.
