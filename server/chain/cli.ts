/**
 * `npm run chain -- <komodod flags>`: the devchain as a komodod-style HTTP JSON-RPC server on
 * 127.0.0.1:<rpcport>. Extra flags: --reset (start over), --recover (a damaged log: keep a copy, cut it
 * at the last good record), -datadir=, DEVCHAIN_DATA, DEVCHAIN_SEED,
 * DEVCHAIN_MINING=manual|automine|interval:N.
 */
import { DevchainCore } from '../../devchain/core.ts'
import { LogDamagedError, StoreLockedError } from '../../devchain/index.ts'
import { fileStorage } from '../../devchain/platform/node/fileStore.ts'
import { createHttpServer } from './http.ts'

const argv = process.argv.slice(2)
const flag = (name: string): boolean => argv.includes(`--${name}`) || argv.includes(`-${name}`)
const ours = new Set(['--reset', '-reset', '--recover', '-recover'])
let dc: DevchainCore
try {
  dc = await DevchainCore.open({ args: argv.filter((a) => !ours.has(a)), reset: flag('reset'), recover: flag('recover'), storage: fileStorage })
} catch (e) {
  // A refusal to start says why and what to do; a stack trace would only bury that.
  if (!(e instanceof StoreLockedError || e instanceof LogDamagedError)) throw e
  process.stderr.write(`${e.message}\n`)
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
  process.stdout.write(`devchain listening on http://${host}:${port}/ (user ${P.rpcuser}), height ${dc.ledger.height}, data ${P.datadir ?? 'memory'}\n`)
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
