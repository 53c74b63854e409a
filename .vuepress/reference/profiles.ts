import type { MethodSpec } from '../../protocol/catalog.ts'
import { PROFILE_NAMES, profilePermits, type ProfileName } from '../../protocol/profiles.ts'

/**
 * Which gateway profiles let a method through, from the same profile data the gateway's policy is
 * built from (protocol/profiles.ts), so the reference can never promise a call the gateway refuses.
 * devchain methods count as allowed: the reference marks them "devchain only" separately.
 */
export function profilesAllowing(spec: MethodSpec): ProfileName[] {
  return PROFILE_NAMES.filter((profile) => profilePermits(profile, spec, true))
}

/** A live call is offered only where a reader's own gateway (the `local` profile) would run it. */
export const isRunnable = (spec: MethodSpec): boolean => profilesAllowing(spec).includes('local')
