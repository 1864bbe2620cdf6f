import * as v from 'valibot'
import { cleanText } from './text'

/** A search is a few words: longer input is refused, not cut. */
export const SEARCH_MAX_LENGTH = 20
const MAX_WORDS = 3

/** The words someone typed into a search box (optional; empty means no search). */
export const keywordField = v.optional(
  v.pipe(v.string('搜索词格式不正确'), v.transform(cleanText), v.trim(), v.maxLength(SEARCH_MAX_LENGTH, `搜索词最多${SEARCH_MAX_LENGTH}个字`)),
  '',
)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * The pattern for `db.RegExp` that matches text containing every word (in any order), each taken
 * literally: what a person types is never read as a regular expression. Null for no words.
 */
export function keywordPattern(keyword: string): string | null {
  const words = keyword.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).map(escapeRegExp)
  if (words.length === 0) return null
  return words.length === 1 ? words[0] : words.map((word) => `(?=[\\s\\S]*${word})`).join('')
}
