#!/usr/bin/env node
// `npm test`: typecheck, then each vitest layer in order (unit, integration, build, e2e), sharing one
// site build between the build and e2e layers. Ends with the plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-test-'))
const env = { ...process.env, KJ_TEST_DIST: path.join(work, 'dist') }
let passed = 0
let failed = 0

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' }).status

console.log('\n── typecheck (vue-tsc) ──')
if (run('npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.json']) === 0) passed++
else failed++

for (const project of ['unit', 'unit-browser', 'integration', 'build', 'e2e']) {
  console.log(`\n── ${project} ──`)
  const report = path.join(work, `${project}.json`)
  const status = run('npx', ['vitest', 'run', '--project', project, '--passWithNoTests',
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
  if (!fs.existsSync(report)) {
    console.error(`${project}: vitest produced no report (exit ${status})`)
    failed++
    continue
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  // A file that fails to load has no failed test but fails the run: count it.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'))
  failed += broken.length
  if (status !== 0 && r.numFailedTests === 0 && broken.length === 0) failed++
}

fs.rmSync(work, { recursive: true, force: true })
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
