/** CC modules the devchain loads at start. The CC engineer appends modules here. */
import type { CcModule } from '../modules.ts'

export const ccModules: CcModule[] = []
