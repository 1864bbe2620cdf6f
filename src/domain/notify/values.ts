import { DATE_PATTERN, formatChinaTime } from '../dates'

/**
 * Values for subscribe-message fields, each valid for its WeChat type whatever text comes in
 * (rules: 订阅消息参数值内容限制说明, checked by localcloud/backend/subscribe-values.ts).
 */

/** The types the catalogue uses; a field's key is its type followed by a number (`thing1`). */
type FieldType = 'thing' | 'phrase' | 'time' | 'date'
export type FieldKey = `${FieldType}${number}`

const THING_MAX = 20
// Control characters are forbidden in a value; emoji and their joiners are not certain to pass.
const CONTROL = /\p{Cc}+/gu
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3]/gu

/**
 * A `thing` (≤ 20 characters): control characters and emoji removed, spaces collapsed, clipped
 * to 19 characters and "…" when longer; `fallback` when nothing is left (an empty value is refused).
 */
export function thing(text: string | undefined, fallback: string): string {
  const clean = (text ?? '').replace(CONTROL, ' ').replace(EMOJI, '').replace(/\s+/g, ' ').trim()
  const chars = Array.from(clean || fallback)
  return chars.length > THING_MAX ? `${chars.slice(0, THING_MAX - 1).join('')}…` : chars.join('')
}

/** A `time`, in the documented form `2019年10月1日 15:01`, China time. */
export const chinaTime = (at: Date) => formatChinaTime(at, 'YYYY年M月D日 HH:mm')

/** A `date` from a stored `YYYY-MM-DD`, in the documented form `2019年10月1日`. */
export function chinaDate(ymd: string): string {
  // Stored dates are validated on the way in; anything else is a bug, not something to send.
  if (!DATE_PATTERN.test(ymd)) throw new Error(`not a YYYY-MM-DD date: ${ymd}`)
  const [year, month, day] = ymd.split('-').map(Number)
  return `${year}年${month}月${day}日`
}
