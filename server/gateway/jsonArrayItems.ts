/**
 * The items of a JSON array as their own text, without parsing them: a batch reply from komodod is
 * split back into the replies its calls would have had alone, byte for byte (8-decimal amounts
 * such as `1.00000000` survive, which JSON.parse and stringify would not).
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN = new Set([0x5b, 0x7b]) // [ {
const CLOSE = new Set([0x5d, 0x7d]) // ] }
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d])

/**
 * `text` must be one top-level array (surrounding whitespace allowed). Returns the trimmed text of
 * each item, or null when it is not a well-nested array. Items are not validated: a caller that
 * needs their values parses them.
 */
export function jsonArrayItems(text: string): string[] | null {
  let start = 0
  let end = text.length
  while (start < end && SPACE.has(text.charCodeAt(start))) start++
  while (end > start && SPACE.has(text.charCodeAt(end - 1))) end--
  if (text.charCodeAt(start) !== 0x5b || text.charCodeAt(end - 1) !== 0x5d) return null
  const items: string[] = []
  let depth = 0
  let inString = false
  let itemStart = start + 1
  const push = (to: number): boolean => {
    const item = text.slice(itemStart, to).trim()
    if (!item) return false
    items.push(item)
    return true
  }
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (OPEN.has(c)) depth++
    else if (CLOSE.has(c)) {
      if (--depth < 0) return null
    } else if (c === COMMA && depth === 0) {
      if (!push(i)) return null
      itemStart = i + 1
    }
  }
  if (inString || depth !== 0) return null
  // "[]" has no items; "[x,]" is not JSON.
  if (!push(end - 1)) return items.length === 0 && text.slice(start + 1, end - 1).trim() === '' ? items : null
  return items
}
