/**
 * The whole English UI tree: the core strings (en.ts) and every registered module's, each under its
 * own top-level keys. The build checks translations against it and renders navigation from it; pages
 * never import it (a panel brings its module's strings with its own chunk, see useUiStrings).
 */
import { MODULE_STRINGS } from '../../modules/registry.ts'
import { en } from './en.ts'

export const englishUi = { ...en, ...MODULE_STRINGS }
export type EnglishUi = typeof englishUi
