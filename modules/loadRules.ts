/**
 * The registered modules' consensus rules, for the composition roots that start an engine
 * (`npm run chain`, the gateway's in-process devchain, the `vuepress dev` mount, later the in-page
 * worker). Each module's `rules.ts` is found by convention beside its spec and loaded on demand, so
 * no page that reads the registry ever pulls engine code into its bundle.
 */
import type { CcModule } from '../devchain/modules.ts'
import { MODULES } from './registry.ts'

export async function loadModuleRules(): Promise<CcModule[]> {
  return Promise.all(MODULES.map(async (m) => ((await import(`./${m.id}/rules.ts`)) as { rules: CcModule }).rules))
}
