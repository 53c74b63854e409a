/**
 * The gateway's public entry.
 *
 *   const gateway = await createGatewayFromEnv()          // GATEWAY_*, KOMODO_NODES from process.env
 *   http.createServer((req, res) => gateway.handle(req, res, () => serveSomethingElse(req, res)))
 *
 * With no KOMODO_NODES the upstream is an in-process devchain (persisted in `.devchain/` unless
 * told otherwise); with KOMODO_NODES it is komodod over HTTP with Basic auth.
 */
import type { Devchain } from '../../devchain/index.ts'
import { createDevchain } from '../../devchain/index.ts'
import { chainArgs } from '../chainEnv.ts'
import { fileStorage } from '../../devchain/platform/node/fileStore.ts'
import { loadModuleRules } from '../../modules/loadRules.ts'
import type { GatewayEnvConfig } from './config.ts'
import { configFromEnv } from './config.ts'
import { createDevchainUpstream } from './devchainUpstream.ts'
import type { Gateway } from './gateway.ts'
import { createGateway } from './gateway.ts'
import { createHttpUpstream } from './httpUpstream.ts'
import type { Logger } from './log.ts'
import { createLogger } from './log.ts'
import type { Upstream } from './upstream.ts'

export { createGateway } from './gateway.ts'
export type { Gateway, GatewayOptions, GatewayCounters, Next } from './gateway.ts'
export { parseAddressList } from './clientIp.ts'
export { configFromEnv, parseNodes, DEFAULT_LIMITS } from './config.ts'
export type { GatewayEnvConfig, GatewayLimits } from './config.ts'
export { createPolicy, isNeverMethod, PROFILE_NAMES } from './policy.ts'
export type { Policy, ProfileName } from './policy.ts'
export { createDevchainUpstream } from './devchainUpstream.ts'
export { createHttpUpstream } from './httpUpstream.ts'
export type { NodeEndpoint } from './httpUpstream.ts'
export type { Upstream, NodeReply, Health } from './upstream.ts'
export { GatewayCode } from './errors.ts'
export { createLogger } from './log.ts'
export { findSecretLeaks, secretsFromEnv } from './secrets.ts'

export interface FromEnvOptions {
  env?: Record<string, string | undefined>
  /** Devchain data directory when no KOMODO_NODES is set; null = memory. Default: the devchain's own default (DEVCHAIN_DATA, then `.devchain/`). */
  devchainDataDir?: string | null
  /**
   * The devchain's log is damaged (not just a torn tail): keep a copy, cut it at the last good
   * record and start there. @default DEVCHAIN_RECOVER=1 in the environment
   */
  devchainRecover?: boolean
  /** Use this devchain instead of creating one (the caller keeps ownership). */
  devchain?: Devchain
  logger?: Logger
}

/** Why a public gateway will not sit in front of a devchain whose seed someone chose. */
export const FIXED_SEED_REFUSAL =
  'GATEWAY_PROFILE=public refused: this devchain\'s wallet seed is fixed (DEVCHAIN_SEED, or a data directory created with a ' +
  'known seed), so anyone who knows it can derive the miner\'s keys, sign its coins away offline and broadcast them through ' +
  'sendrawtransaction. Unset DEVCHAIN_SEED and start on a new data directory (another DEVCHAIN_DATA, or --reset): its seed ' +
  'is then random and kept in that directory.'

export function upstreamFromConfig(config: GatewayEnvConfig): Upstream | null {
  if (config.nodes.length === 0) return null
  return createHttpUpstream(config.nodes, { maxSockets: config.limits.concurrency, heavySockets: config.limits.heavyConcurrency })
}

export async function createGatewayFromEnv(opts: FromEnvOptions = {}): Promise<Gateway> {
  const env = opts.env ?? process.env
  const config = configFromEnv(env)
  const logger = opts.logger ?? createLogger(config.logLevel)
  let upstream = upstreamFromConfig(config)
  if (!upstream) {
    const seed = env.DEVCHAIN_SEED?.trim() || undefined
    const chain =
      opts.devchain ??
      (await createDevchain({
        storage: fileStorage,
        args: chainArgs(env),
        modules: await loadModuleRules(),
        recover: opts.devchainRecover ?? env.DEVCHAIN_RECOVER === '1',
        log: (line) => logger.warn(line),
        seed,
        ...(opts.devchainDataDir === undefined ? {} : { dataDir: opts.devchainDataDir }),
      }))
    if (config.profile === 'public' && chain.seedFixed) {
      if (!opts.devchain) await chain.close()
      throw new Error(FIXED_SEED_REFUSAL)
    }
    upstream = createDevchainUpstream(chain, { ownsChain: !opts.devchain })
  }
  return createGateway({
    upstream,
    profile: config.profile,
    limits: config.limits,
    trustedProxies: config.trustedProxies,
    corsOrigins: config.corsOrigins,
    allowedHosts: config.allowedHosts,
    allowedPeers: config.allowedPeers,
    logger,
  })
}
