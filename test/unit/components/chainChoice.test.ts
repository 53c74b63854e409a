import { describe, expect, it } from 'vitest'
import { choiceFromQuery, choiceText, parseChoice, saveChoice, savedChoice, STORAGE_KEY } from '../../../components/chainChoice.ts'

function memoryStorage(): Storage {
  const m = new Map<string, string>()
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } as Storage
}

describe('chain choice', () => {
  it('reads page, site and a gateway URL, and nothing else', () => {
    expect(parseChoice('page')).toEqual({ kind: 'page' })
    expect(parseChoice('site')).toEqual({ kind: 'site' })
    expect(parseChoice('http://127.0.0.1:9000/rpc')).toEqual({ kind: 'url', url: 'http://127.0.0.1:9000' })
    expect(parseChoice('Page')).toBeNull()
    expect(parseChoice('javascript:alert(1)')).toBeNull()
    expect(parseChoice('')).toBeNull()
    expect(parseChoice(null)).toBeNull()
  })

  it('deep-links with ?chain= and keeps the choice per browser', () => {
    expect(choiceFromQuery('?chain=page&seed=x')).toEqual({ kind: 'page' })
    expect(choiceFromQuery('?chain=http%3A%2F%2F127.0.0.1%3A8080%2Frpc')).toEqual({ kind: 'url', url: 'http://127.0.0.1:8080' })
    expect(choiceFromQuery('?chain=nope')).toBeNull()
    const storage = memoryStorage()
    expect(savedChoice(storage)).toBeNull()
    saveChoice({ kind: 'url', url: 'http://127.0.0.1:8080' }, storage)
    expect(storage.getItem(STORAGE_KEY)).toBe('http://127.0.0.1:8080')
    expect(savedChoice(storage)).toEqual({ kind: 'url', url: 'http://127.0.0.1:8080' })
    expect(choiceText({ kind: 'site' })).toBe('site')
    const blocked = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') } } as unknown as Storage
    expect(savedChoice(blocked)).toBeNull()
    expect(() => saveChoice({ kind: 'page' }, blocked)).not.toThrow()
  })
})
