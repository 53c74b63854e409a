import path from 'node:path'
import type { Rollup } from 'vite'

type OutputBundle = Rollup.OutputBundle
type OutputChunk = Rollup.OutputChunk

/**
 * The live components of a client bundle (lazily imported chunks whose module is a `components/*.vue` or a module's `modules/<id>/*.vue` panel), each
 * with its chunk and every chunk it imports, minus the entry chunk and what the entry imports: those every
 * page already loads.
 */
export function islandChunks(bundle: OutputBundle): Map<string, string[]> {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk')
  const byFile = new Map(chunks.map((c) => [c.fileName, c]))
  const loaded = new Set<string>()
  for (const entry of chunks.filter((c) => c.isEntry)) {
    loaded.add(entry.fileName)
    for (const f of entry.imports) loaded.add(f)
  }
  const islands = new Map<string, string[]>()
  for (const chunk of chunks) {
    const id = chunk.facadeModuleId ?? ''
    if (!chunk.isDynamicEntry || !/[\\/](components|modules[\\/][^\\/]+)[\\/][^\\/]+\.vue$/.test(id)) continue
    const files: string[] = []
    const visit = (file: string): void => {
      if (loaded.has(file) || files.includes(file)) return
      files.push(file)
      for (const f of byFile.get(file)?.imports ?? []) visit(f)
    }
    visit(chunk.fileName)
    islands.set(path.basename(id, '.vue'), files)
  }
  return islands
}
