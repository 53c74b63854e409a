/**
 * The gateway's allowlist profiles as data: which safety classes each profile lets through, and the
 * name families no profile ever opens. Both the gateway (server/gateway/policy.ts) and the reference
 * pages (.vuepress/reference/profiles.ts) derive their method lists from this and the catalog, so the
 * reference can never promise a call the gateway refuses.
 */
import type { MethodSpec, SafetyClass } from './catalog.ts'

export type ProfileName = 'local' | 'public'
export const PROFILE_NAMES: readonly ProfileName[] = ['local', 'public']

export const PROFILE_CLASSES: Record<ProfileName, readonly SafetyClass[]> = {
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

/** Never callable: the catalog says so (`spec`), or the name is in a never family. */
export function isNeverName(name: string, spec: MethodSpec | undefined): boolean {
  if (spec?.safety === 'never') return true
  return NEVER_PREFIXES.some((prefix) => name.startsWith(prefix))
}

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name)
}

/** Whether `profile` lets a catalog method through; devchain_* methods exist only when the upstream is the devchain. */
export function profilePermits(profile: ProfileName, spec: MethodSpec, devchain: boolean): boolean {
  const classes = PROFILE_CLASSES[profile].filter((c) => (devchain || c !== 'devchain') && c !== 'never')
  return classes.includes(spec.safety) && !isNeverName(spec.name, spec) && (devchain || !spec.devchainOnly)
}

/** The methods of `methods` that `profile` lets through, in catalog order. */
export const methodsAllowed = (profile: ProfileName, methods: readonly MethodSpec[], devchain: boolean): string[] =>
  methods.filter((m) => profilePermits(profile, m, devchain)).map((m) => m.name)
