/**
 * komodod's core methods in their wire form, put in by the build (`__KJ_CORE_WIRE__`,
 * .vuepress/plugins/pageMethods.ts). A chunk of its own, loaded with a page's first call that its page
 * data does not describe: a reader who never runs a call never downloads it.
 */
import { unpackWireSpecs } from '../protocol/wireSpec.ts'

declare const __KJ_CORE_WIRE__: string

export const coreWire = unpackWireSpecs(__KJ_CORE_WIRE__)
