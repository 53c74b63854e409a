#!/usr/bin/env node
// After `vuepress build`: writes .br and .gz beside every compressible file of the site, so
// `npm start` (sirv with brotli/gzip on) sends compressed bytes without compressing per request.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dist = path.resolve(process.env.KJ_DIST || '.vuepress/dist')
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|xml|txt)$/
let files = 0
let before = 0
let after = 0

const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full)
    else if (COMPRESSIBLE.test(entry.name)) {
      const raw = fs.readFileSync(full)
      if (raw.length < 1024) continue
      const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      fs.writeFileSync(`${full}.br`, br)
      fs.writeFileSync(`${full}.gz`, zlib.gzipSync(raw, { level: 9 }))
      files++
      before += raw.length
      after += br.length
    }
  }
}
walk(dist)
console.log(`compressed ${files} files: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB brotli`)
