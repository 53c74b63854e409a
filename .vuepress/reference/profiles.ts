import type { MethodSpec } from '../../protocol/catalog.ts'
import type { ProfileName } from '../../server/gateway/policy.ts'
import { PROFILE_NAMES, createPolicy } from '../../server/gateway/policy.ts'

/**
 * Which gateway profiles let a method through, asked of the gateway's own policy so the reference
 * can never promise a call the gateway refuses. devchain methods count as allowed: the reference
 * marks them "devchain only" separately.
 */
export function profilesAllowing(spec: MethodSpec): ProfileName[] {
  return PROFILE_NAMES.filter((profile) => policies[profile].allowed.has(spec.name))
}

const policies = Object.fromEntries(
  PROFILE_NAMES.map((profile) => [profile, { allowed: new Set(createPolicy({ profile, devchain: true }).allowed) }]),
) as Record<ProfileName, { allowed: Set<string> }>

/** A live call is offered only where a reader's own gateway (the `local` profile) would run it. */
export const isRunnable = (spec: MethodSpec): boolean => profilesAllowing(spec).includes('local')
