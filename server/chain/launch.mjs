// The script chain.sh gives Node (`npm run chain`): hands over at once to launch.cjs. A start from the
// chain's startup snapshot never runs it (snapshotEntry.cjs), but finds launch.cjs beside it.
// The launcher is CommonJS because an ES module entry that imports node:fs pays for the ES loader's
// view of it (fs's lazy stream classes get loaded to list its exports): ≈10 ms of Node's ≈100 ms
// start, before the chain has done anything.
import { createRequire } from 'node:module'

createRequire(import.meta.url)('./launch.cjs')
