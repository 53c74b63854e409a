#!/usr/bin/env node
// Runs every benchmark in bench/ (one file each, in name order) with tsx, one process per file so
// a benchmark's memory never colours the next one. Each prints its own figures.
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const only = process.argv.slice(2)
const files = readdirSync(new URL('../bench/', import.meta.url))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

if (files.length === 0) {
  console.log('no benchmarks yet')
  process.exit(0)
}
let failed = 0
for (const file of files) {
  console.log(`\n── ${file} ──`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
