/**
 * Allowlist profiles, built from the catalog's safety classes (protocol/profiles.ts). Default-deny:
 * a method is callable only if the catalog knows it and the profile allows its class. The never
 * class, and the never name families, are refused by every profile whatever the catalog says.
 */
import { getMethod, METHODS } from '../../modules/catalog.ts'
import { isNeverName, methodsAllowed, type ProfileName } from '../../protocol/profiles.ts'
import type { GatewayError } from './errors.ts'
import { methodNeverAllowed, methodNotFound, methodRefused, paramNeverAllowed } from './errors.ts'

export { PROFILE_NAMES, isProfileName, type ProfileName } from '../../protocol/profiles.ts'

export function isNeverMethod(name: string): boolean {
  return isNeverName(name, getMethod(name))
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

export function createPolicy({ profile, devchain }: PolicyOptions): Policy {
  const allowed = new Set(methodsAllowed(profile, METHODS, devchain))
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
