/**
 * Allowlist profiles, built from the catalog's safety classes. Default-deny: a method is callable
 * only if the catalog knows it and the profile allows its class. The never class, and the name
 * patterns below, are refused by every profile whatever the catalog says.
 */
import type { MethodSpec, SafetyClass } from '../../protocol/catalog.ts'
import { METHODS, getMethod } from '../../protocol/catalog.ts'
import type { GatewayError } from './errors.ts'
import { methodNeverAllowed, methodNotFound, methodRefused, paramNeverAllowed } from './errors.ts'

export type ProfileName = 'local' | 'public'
export const PROFILE_NAMES: readonly ProfileName[] = ['local', 'public']

const PROFILE_CLASSES: Record<ProfileName, readonly SafetyClass[]> = {
  // Your own machine: you own the wallet, so wallet, spends, mining and CC builds are fine.
  local: ['read', 'node', 'wallet', 'spend', 'mining', 'cc-info', 'cc-build', 'broadcast', 'devchain'],
  // Anyone on the internet: no wallet, no CPU burners, no node-funded builds.
  public: ['read', 'cc-info', 'broadcast'],
}

/**
 * Families komodod has more members of than the catalog lists (z_exportkey, z_exportwallet,
 * z_exportviewingkey, walletpassphrase, walletpassphrasechange, dumpprivkey, dumpwallet,
 * importprivkey, importwallet, importaddress, …). Matching the prefix keeps a future catalog entry
 * from opening one by accident.
 */
const NEVER_PREFIXES = ['z_export', 'z_import', 'walletpassphrase', 'dump', 'import'] as const

export function isNeverMethod(name: string): boolean {
  if (getMethod(name)?.safety === 'never') return true
  return NEVER_PREFIXES.some((prefix) => name.startsWith(prefix))
}

export interface Policy {
  readonly profile: ProfileName
  /** Methods this policy lets through, in catalog order. */
  readonly allowed: readonly string[]
  /** Undefined when allowed, else the error to answer. With params, secret parameters are refused too. */
  check(method: string, params?: readonly unknown[]): GatewayError | undefined
}

export interface PolicyOptions {
  profile: ProfileName
  /** devchain_* methods only exist when the upstream is the devchain. */
  devchain: boolean
}

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name)
}

export function createPolicy({ profile, devchain }: PolicyOptions): Policy {
  const classes = new Set<SafetyClass>(PROFILE_CLASSES[profile])
  if (!devchain) classes.delete('devchain')
  classes.delete('never')
  const permits = (m: MethodSpec): boolean =>
    classes.has(m.safety) && !isNeverMethod(m.name) && (devchain || !m.devchainOnly)
  const allowed = new Set(METHODS.filter(permits).map((m) => m.name))
  return {
    profile,
    allowed: [...allowed],
    check(method, params) {
      if (allowed.has(method)) {
        // A secret parameter (private keys) given, even as an empty list, is refused by every profile.
        const secret = getMethod(method)?.params.findIndex((s, i) => s.secret && params && i < params.length && params[i] !== null)
        return secret !== undefined && secret >= 0 ? paramNeverAllowed(getMethod(method)!.params[secret].name) : undefined
      }
      if (isNeverMethod(method)) return methodNeverAllowed()
      // Known to komodod but closed here vs. not a method at all, as komodod would say.
      const spec = getMethod(method)
      // devchain_* do not exist on komodod, so there they are simply unknown, as komodod says.
      return spec && (devchain || !spec.devchainOnly) ? methodRefused(profile) : methodNotFound()
    },
  }
}
