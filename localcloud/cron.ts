import { CHINA_OFFSET_MINUTES } from '@/domain/dates'

/**
 * CloudBase's 7-field timer cron, `second minute hour day-of-month month day-of-week year`,
 * evaluated in China time as CloudBase does, once a minute: a trigger fires in a minute when
 * every field matches (the seconds field only has to allow some second of it). Each field takes
 * `*`, numbers, ranges `a-b`, lists `a,b` and steps `*\/n` or `a-b/n`; day-of-week is 0–6 from
 * Sunday. https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/triggers.html
 */
const FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'weekday', min: 0, max: 6 },
  { name: 'year', min: 1970, max: 2099 },
] as const

export type Cron = Array<Set<number>>

function parseField(text: string, { name, min, max }: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>()
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part)
    if (!match) throw new Error(`cron ${name} field "${text}" is not understood`)
    const from = match[1] === '*' ? min : Number(match[2])
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from
    const step = match[4] ? Number(match[4]) : 1
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron ${name} field "${text}" is out of range ${min}-${max}`)
    for (let value = from; value <= to; value += step) values.add(value)
  }
  return values
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== FIELDS.length) throw new Error(`cron "${expression}" must have 7 fields (second minute hour day month weekday year)`)
  return parts.map((part, index) => parseField(part, FIELDS[index]))
}

/** Whether the trigger fires in the minute that contains `at`. */
export function firesInMinute(cron: Cron, at: Date): boolean {
  const china = new Date(at.getTime() + CHINA_OFFSET_MINUTES * 60_000)
  const [second, minute, hour, day, month, weekday, year] = cron
  return (
    second.size > 0 &&
    minute.has(china.getUTCMinutes()) &&
    hour.has(china.getUTCHours()) &&
    day.has(china.getUTCDate()) &&
    month.has(china.getUTCMonth() + 1) &&
    weekday.has(china.getUTCDay()) &&
    year.has(china.getUTCFullYear())
  )
}
