import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_OFFSET_MINUTES } from '../dates'

dayjs.extend(utc)

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

const china = (value: string) => dayjs(value).utcOffset(CHINA_OFFSET_MINUTES)

/** `12月5日（周六）09:00`, in China time whatever the phone's zone. */
export function dayAndTime(value: string): string {
  const at = china(value)
  return `${at.format('M月D日')}（周${WEEKDAYS[at.day()]}）${at.format('HH:mm')}`
}

/** `12月5日（周六）09:00–11:30`; the end's date is shown too when it is another day. */
export function activityWhen(startAt: string, endAt: string): string {
  const start = china(startAt)
  const end = china(endAt)
  const endText = start.isSame(end, 'day') ? end.format('HH:mm') : dayAndTime(endAt)
  return `${dayAndTime(startAt)}–${endText}`
}

/** `09:05`, the clock time of a check-in or check-out. */
export function clockTime(value: string): string {
  return china(value).format('HH:mm')
}

/** The China date of a moment, `2026-12-05`. */
export function chinaDate(value: string): string {
  return china(value).format('YYYY-MM-DD')
}

/** A China date and clock time (`2026-12-05`, `09:00`) as the ISO moment the functions take. */
export function chinaMoment(date: string, clock: string): string {
  return `${date}T${clock}:00+08:00`
}
