/**
 * Records the replies the live components show on a site with no chain: one JSON file per method
 * (an array when the method was called with several params or on both nodes)
 * in components/recorded/ (a module's in modules/<id>/recorded/), from an in-memory devchain with a fixed seed, so a re-run gives the
 * same hashes and the recorded journey stays consistent (the funding hex's txid is the txid
 * the broadcast shows). Run: `npx tsx scripts/record-responses.ts`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createDevchain, serializeReply } from '../devchain/index.ts'
import { loadModuleRules } from '../modules/loadRules.ts'
import { MODULES } from '../modules/registry.ts'

const modules = await loadModuleRules()

const OUT = path.resolve(import.meta.dirname, '../components/recorded')
const SEED = 'komodo-journeys-recorded'
const chain = await createDevchain({ modules, dataDir: null, seed: SEED })
type Recording = { method: string; node: string; params: unknown[]; result: unknown }
// Every distinct (node, params) of a method: the page looks replies up by method, node and params.
const recorded = new Map<string, Recording[]>()

async function call<T = unknown>(node: string, method: string, params: unknown[] = []): Promise<T> {
  const raw = await chain.call(node, method, params)
  // Through komodod's serializer, so amounts carry their 8 decimals as the wire does.
  const result = JSON.parse(serializeReply({ result: raw, error: null, id: 1 })).result as T
  const list = recorded.get(method) ?? []
  const key = JSON.stringify([node, params])
  if (!list.some((r) => JSON.stringify([r.node, r.params]) === key)) recorded.set(method, [...list, { method, node, params, result }])
  return result
}

await call('miner', 'getinfo')
await call('miner', 'getblockchaininfo')
await call('miner', 'getmininginfo')
await call('miner', 'devchain_info')
await call('miner', 'help', ['getinfo'])
await call('miner', 'getgenerate')
await call('miner', 'generate', [1])
await call('miner', 'getblockcount')
await call('miner', 'getbestblockhash')
await call('miner', 'getblockhash', [1])
await call('miner', 'getblock', ['1', 1])
const readerAddress = await call<string>('reader', 'getnewaddress')
await call('miner', 'validateaddress', [readerAddress])
await call('miner', 'getbalance')
await call('miner', 'getwalletinfo')
await call('miner', 'listunspent')

const fund = await call<{ hex: string }>('miner', 'faucetfund', ['10'])
await call('miner', 'decoderawtransaction', [fund.hex])
const fundTxid = await call<string>('miner', 'sendrawtransaction', [fund.hex])
await call('miner', 'getrawmempool')
await call('miner', 'generate', [1])
await call('miner', 'getrawtransaction', [fundTxid, 1])
await call('miner', 'gettransaction', [fundTxid])
await call('miner', 'faucetinfo')
await call('miner', 'faucetaddress')
await call('miner', 'getaddressbalance', [{ addresses: ['R9zHrofhRbub7ER77B7NrVch3A63R39GuC'] }, true])
await call('miner', 'getaddressutxos', [{ addresses: ['R9zHrofhRbub7ER77B7NrVch3A63R39GuC'] }, true])
await call('miner', 'getaddresstxids', [{ addresses: ['R9zHrofhRbub7ER77B7NrVch3A63R39GuC'] }, true])

const claim = await call<{ hex: string }>('reader', 'faucetget')
await chain.call('reader', 'sendrawtransaction', [claim.hex])
await call('miner', 'sendtoaddress', [readerAddress, 1])
await chain.call('miner', 'generate', [1])

const readerInfo = await chain.call('reader', 'getinfo', []) as { pubkey: string }
const create = await call<{ hex: string }>('miner', 'tokencreate', ['DOCS', '0.001', 'A token made in the docs'])
const tokenid = await chain.call('miner', 'sendrawtransaction', [create.hex]) as string
await chain.call('miner', 'generate', [1])
await call('miner', 'tokeninfo', [tokenid])
await call('miner', 'tokenlist')
await call('miner', 'tokenaddress')
const transfer = await call<{ hex: string }>('miner', 'tokentransfer', [tokenid, readerInfo.pubkey, '1000'])
await chain.call('miner', 'sendrawtransaction', [transfer.hex])
await chain.call('miner', 'generate', [1])
await call('miner', 'tokenbalance', [tokenid, readerInfo.pubkey])
await call('miner', 'tokenbalance', [tokenid])
await call('reader', 'getbalance')

// Assets: an ask, the book, a partial fill by the reader, the rest cancelled; a bid the miner fills.
const sendMined = async (node: string, built: { hex: string }): Promise<string> => {
  const txid = await chain.call(node, 'sendrawtransaction', [built.hex]) as string
  await chain.call('miner', 'generate', [1])
  return txid
}
await call('reader', 'assetsaddress')
const askTxid = await sendMined('miner', await call<{ hex: string }>('miner', 'tokenask', ['1000', tokenid, '0.0001']))
await call('reader', 'tokenorders', [tokenid])
await call('miner', 'mytokenorders')
const fillTxid = await sendMined('reader', await call<{ hex: string }>('reader', 'tokenfillask', [tokenid, askTxid, '400']))
await sendMined('miner', await call<{ hex: string }>('miner', 'tokencancelask', [tokenid, fillTxid]))
const bidTxid = await sendMined('reader', await call<{ hex: string }>('reader', 'tokenbid', ['100', tokenid, '0.0002']))
await sendMined('miner', await call<{ hex: string }>('miner', 'tokenfillbid', [tokenid, bidTxid, '100']))
const otherBid = await sendMined('reader', await chain.call('reader', 'tokenbid', ['10', tokenid, '0.001']) as { hex: string })
await sendMined('reader', await call<{ hex: string }>('reader', 'tokencancelbid', [tokenid, otherBid]))

// The Oracles journey: an "sL" price feed, the miner publishing, the reader subscribing.
const send = async (node: string, hex: string) => chain.call(node, 'sendrawtransaction', [hex]) as Promise<string>
const mine = () => chain.call('miner', 'generate', [1])
const oracle = await send('miner', (await call<{ hex: string }>('miner', 'oraclescreate', ['DOCSPRICE', 'A price feed made in the docs', 'sL'])).hex)
await mine()
await call('miner', 'oracleslist')
await call('miner', 'oraclesaddress')
await send('miner', (await call<{ hex: string }>('miner', 'oraclesfund', [oracle])).hex)
await mine()
await send('miner', (await call<{ hex: string }>('miner', 'oraclesregister', [oracle, '1000000'])).hex)
await mine()
const oracleInfo = await call<{ registered: { publisher: string; baton: string }[] }>('miner', 'oraclesinfo', [oracle])
const [publisher] = oracleInfo.registered
await send('reader', (await call<{ hex: string }>('reader', 'oraclessubscribe', [oracle, publisher.publisher, '0.1'])).hex)
await mine()
const firstDatum = await send('miner', (await call<{ hex: string }>('miner', 'oraclesdata', [oracle, '034b4d44a086010000000000'])).hex)
await mine()
await call('miner', 'oraclessamples', [oracle, publisher.baton, '0'])
await call('miner', 'oraclessample', [oracle, firstDatum])

// The Heir journey: a plan naming the reader, the clock moved two days (devchain only), the heir's claim.
const heirPlan = await send('miner', (await call<{ hex: string }>('miner', 'heirfund', ['1', 'docs-plan', readerInfo.pubkey, '86400', 'for the reader'])).hex)
await mine()
await call('miner', 'heiraddress', [readerInfo.pubkey])
await call('miner', 'heirlist')
await call('miner', 'heirinfo', [heirPlan])
const { tiptime } = await chain.call('miner', 'getinfo', []) as { tiptime: number }
await chain.call('miner', 'setmocktime', [tiptime + 172800])
await mine()
await send('reader', (await call<{ hex: string }>('reader', 'heirclaim', ['0.5', heirPlan])).hex)
await mine()
await send('miner', (await call<{ hex: string }>('miner', 'heiradd', ['0.5', heirPlan])).hex)
await mine()

// The Channels journey: 10 payments of 0.1 to the reader, two paid, closed, the rest refunded.
await call('miner', 'channelsaddress', [readerInfo.pubkey])
const opentxid = await send('miner', (await call<{ hex: string }>('miner', 'channelsopen', [readerInfo.pubkey, '10', '10000000'])).hex)
await chain.call('miner', 'generate', [101])
await send('miner', (await call<{ hex: string }>('miner', 'channelspayment', [opentxid, '10000000'])).hex)
await send('miner', (await call<{ hex: string }>('miner', 'channelspayment', [opentxid, '20000000'])).hex)
await mine()
await call('reader', 'channelsinfo', [opentxid])
await call('reader', 'channelslist')
const closetxid = await send('miner', await call<string>('miner', 'channelsclose', [opentxid]))
await chain.call('miner', 'generate', [101])
await send('miner', await call<string>('miner', 'channelsrefund', [opentxid, closetxid]))
await mine()
await call('miner', 'channelsinfo', [opentxid])

// The Rewards journey: the DOCS plan, a 10-coin lock by the reader, a day on the chain's clock, the unlock.
await call('miner', 'rewardsaddress')
const rewardsPlan = await send('miner', (await call<{ hex: string }>('miner', 'rewardscreatefunding', ['DOCS', '100', '25', '1', '10', '10'])).hex)
await mine()
await send('miner', (await call<{ hex: string }>('miner', 'rewardsaddfunding', ['DOCS', rewardsPlan, '50'])).hex)
await chain.call('miner', 'sendtoaddress', [readerAddress, 20])
await mine()
const rewardsLock = await send('reader', (await call<{ hex: string }>('reader', 'rewardslock', ['DOCS', rewardsPlan, '10'])).hex)
await mine()
const tip = await chain.call('miner', 'getinfo', []) as { tiptime: number }
await chain.call('miner', 'setmocktime', [tip.tiptime + 86_400])
await mine()
await send('reader', (await call<{ hex: string }>('reader', 'rewardsunlock', ['DOCS', rewardsPlan, rewardsLock])).hex)
await mine()
await call('miner', 'rewardsinfo', [rewardsPlan])
await call('miner', 'rewardslist')
await chain.close()

// A module's replies live in its folder (modules/<id>/recorded/), the core methods' beside the loader.
const outFor = (method: string): string => {
  const owner = MODULES.find((m) => m.methods.some((x) => x.name === method))
  return owner ? path.resolve(import.meta.dirname, `../modules/${owner.id}/recorded`) : OUT
}
for (const [method, list] of recorded) {
  const files = list.map((r) => ({ ...r, source: `devchain, seed "${SEED}", node ${r.node}` }))
  const dir = outFor(method)
  fs.mkdirSync(dir, { recursive: true })
  // One recording as an object, several as an array (components/recorded/index.ts reads both).
  fs.writeFileSync(path.join(dir, `${method}.json`), JSON.stringify(files.length === 1 ? files[0] : files, null, 2) + '\n')
}
console.log(`recorded ${recorded.size} methods into ${path.relative(process.cwd(), OUT)} and modules/*/recorded`)
