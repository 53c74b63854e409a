/**
 * The CC module registry: one line per module. A module is a folder `modules/<id>/` whose `spec.ts`
 * exports `const <id> = defineModule({…})` (protocol/module.ts) and whose `rules.ts` exports
 * `rules: CcModule` (devchain/modules.ts). Everything else (catalog, engine, decoder, panels,
 * reference pages, UI strings) reads this list through `modules/registry.ts`.
 */
export { faucet } from './faucet/spec.ts'
export { tokens } from './tokens/spec.ts'
export { assets } from './assets/spec.ts'
export { oracles } from './oracles/spec.ts'
export { rewards } from './rewards/spec.ts'
export { heir } from './heir/spec.ts'
export { channels } from './channels/spec.ts'
