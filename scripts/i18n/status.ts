// `npm run i18n:status [-- --check] [--json]`: translated / outdated / missing pages and missing UI keys per
// locale. `--check` exits 1 when a locale.json is malformed or has unknown keys.
import { buildStatus, formatStatus } from '../../.vuepress/locales/status.ts'

const args = process.argv.slice(2)
const report = buildStatus(process.env.KJ_ROOT || undefined)
console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatStatus(report))
if (args.includes('--check') && report.errors.length) process.exit(1)
