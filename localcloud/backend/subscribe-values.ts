/**
 * WeChat's rules for subscribe-message values, as WeChat's server applies them to
 * `subscribeMessage.send` (the local cloud plays WeChat's part; nothing here comes from the app).
 *
 * Source: 订阅消息参数值内容限制说明,
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * with its notes on symbols, times and dates from
 * https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html#send发送订阅通知
 * ("符号表示除中文、英文、数字外的常见符号,不能带有换行等控制字符。时间格式支持HH:MM:SS或者HH:MM。
 * 日期包含年月日,为y年m月d日,y年m月、m月d日格式,或者用‘-’、‘/’、‘.’符号连接").
 * Where the documents leave a case open, the value is refused: passing here must mean WeChat
 * accepts it.
 */

export type TemplateDataError = { errCode: 47003; errMsg: string }

const HAN = /^\p{Script=Han}$/u
const LETTER = /^[A-Za-z]$/
const DIGIT = /^[0-9]$/
// "常见符号": ASCII punctuation. Full-width punctuation and emoji are not certain, so refused.
const SYMBOL = /^[!-/:-@[-`{-~]$/
const CONTROL = /\p{Cc}/u
// Emoji in a thing: the documents do not say; refused.
const EMOJI = /\p{Extended_Pictographic}/u

const chars = (value: string) => Array.from(value)
const only = (value: string, max: number, ...classes: RegExp[]) => {
  const list = chars(value)
  return list.length <= max && list.every((c) => classes.some((pattern) => pattern.test(c)))
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** y年m月d日, y年m月, m月d日, or 2018-01-01 / 2018/01/01 / 2018.01.01, 2018-01, 01-01. */
function isDate(text: string): boolean {
  const full = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text) ?? /^(\d{4})\.(\d{2})\.(\d{2})$/.exec(text)
  if (full) return isCalendarDate(Number(full[1]), Number(full[2]), Number(full[3]))
  const yearMonth = /^(\d{4})年(\d{1,2})月$/.exec(text) ?? /^(\d{4})-(\d{2})$/.exec(text)
  if (yearMonth) return Number(yearMonth[2]) >= 1 && Number(yearMonth[2]) <= 12
  const monthDay = /^(\d{1,2})月(\d{1,2})日$/.exec(text) ?? /^(\d{2})-(\d{2})$/.exec(text)
  if (monthDay) return isCalendarDate(2000, Number(monthDay[1]), Number(monthDay[2])) // 2000: a leap year allows 2月29日
  return false
}

/** HH:MM or HH:MM:SS, 24-hour. */
const isClock = (text: string) => /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(text)

/** A point in time: a clock time, optionally after a date and one space. */
function isTimePoint(text: string): boolean {
  const parts = text.split(' ')
  if (parts.length === 1) return isClock(parts[0])
  return parts.length === 2 && isDate(parts[0]) && isClock(parts[1])
}

/** A date, optionally followed by one space and a clock time. */
function isDatePoint(text: string): boolean {
  const parts = text.split(' ')
  if (parts.length === 1) return isDate(parts[0])
  return parts.length === 2 && isDate(parts[0]) && isClock(parts[1])
}

/** One point, or a period: two points joined by "~". */
const pointOrPeriod = (point: (text: string) => boolean) => (value: string) => {
  const ends = value.split('~')
  return ends.length <= 2 && ends.every(point)
}

const RULES: Record<string, (value: string) => boolean> = {
  // 20个以内字符: 汉字、数字、字母或符号 (no control characters).
  thing: (v) => chars(v).length <= 20 && !CONTROL.test(v) && !EMOJI.test(v),
  // 32位以内数字, 只能数字, 可带小数.
  number: (v) => v.length <= 32 && /^\d+(\.\d+)?$/.test(v),
  letter: (v) => only(v, 32, LETTER),
  symbol: (v) => only(v, 5, SYMBOL),
  character_string: (v) => only(v, 32, DIGIT, LETTER, SYMBOL),
  // 24小时制时间格式(支持+年月日); an ISO string like 2026-11-23T12:00:00.000Z is none of these.
  time: pointOrPeriod(isTimePoint),
  date: pointOrPeriod(isDatePoint),
  // 1个币种符号 + 10位以内纯数字, 可带小数, 结尾可带"元". Digits counted with the decimals.
  amount: (v) => {
    const match = /^\p{Sc}(\d+)(?:\.(\d+))?元?$/u.exec(v)
    return !!match && match[1].length + (match[2]?.length ?? 0) <= 10
  },
  // 17位以内, 数字、符号; a number needs at least one digit.
  phone_number: (v) => only(v, 17, DIGIT, SYMBOL) && /\d/.test(v),
  // 8位以内, 第一位与最后一位可为汉字, 其余为字母或数字.
  car_number: (v) => {
    const list = chars(v)
    const alnum = (c: string) => LETTER.test(c) || DIGIT.test(c)
    return list.length <= 8 && list.every((c, i) => alnum(c) || ((i === 0 || i === list.length - 1) && HAN.test(c)))
  },
  // 10个以内纯汉字 (mixed with letters counts as a Chinese name), or 20个以内纯字母或符号.
  name: (v) => (/\p{Script=Han}/u.test(v) ? only(v, 10, HAN, LETTER) : only(v, 20, LETTER, SYMBOL)),
  // 5个以内纯汉字: no punctuation, no "…", no ASCII.
  phrase: (v) => only(v, 5, HAN),
}

const invalid = (key: string, why: 'invalid' | 'is empty'): TemplateDataError => ({
  errCode: 47003,
  errMsg: `argument invalid! data.${key}.value ${why}`,
})

/**
 * Checks every value of a subscribe message by its key's type (`thing1` → thing). Null when WeChat
 * would accept them all; otherwise WeChat's 47003 for the first bad field. Types this stand-in
 * cannot judge (`enum`, whose range lives in the template's settings) or does not know are refused.
 */
export function checkTemplateData(data: Record<string, { value: string }>): TemplateDataError | null {
  for (const [key, field] of Object.entries(data)) {
    const value: unknown = (field as { value?: unknown } | null)?.value
    if (typeof value !== 'string') return invalid(key, 'invalid')
    if (value.trim() === '') return invalid(key, 'is empty')
    const type = key.replace(/\d+$/, '')
    // Own keys only: `toString1` must not find Object.prototype.toString.
    const rule = Object.prototype.hasOwnProperty.call(RULES, type) ? RULES[type] : undefined
    if (!rule || !rule(value)) return invalid(key, 'invalid')
  }
  return null
}
