import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_OFFSET_MINUTES } from '../dates'

dayjs.extend(utc)

/** Where a credit in the hours ledger comes from. */
export const LEDGER_SOURCES = ['wish', 'activity', 'makeup', 'correction', 'carryover'] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]

export const LEDGER_SOURCE_LABELS: Record<LedgerSource, string> = {
  wish: '红心愿',
  activity: '志愿活动',
  makeup: '活动补签',
  correction: '时长更正',
  /** Hours served before the app, brought from the station's own records by an import (issue #27). */
  carryover: '历史时长结转',
}

/**
 * "共N次服务" counts services done (activities, 补签, wishes), never corrections, which only
 * adjust hours, nor a carry-over of earlier years, which sums many services (民政部令第67号 2020: records 真实、准确).
 */
export const serviceCount = (entries: ReadonlyArray<{ source: LedgerSource; hours: number }>) => entries.filter((e) => e.source !== 'correction' && e.source !== 'carryover' && e.hours > 0).length

/** 嘉许回馈 points per service hour unless the community sets its own (`pointsPerHour`). */
export const DEFAULT_POINTS_PER_HOUR = 10

export function pointsFor(hours: number, pointsPerHour: number | undefined | null): number {
  const rate = typeof pointsPerHour === 'number' && pointsPerHour >= 0 ? pointsPerHour : DEFAULT_POINTS_PER_HOUR
  return Math.round(hours * rate)
}

/**
 * The ledger entry of a source, one per source (and per person for activities), so a retried
 * credit lands on the same `_id` and is refused as a duplicate instead of counted twice.
 */
export const ledgerEntryId = {
  wish: (wishId: string) => `wish:${wishId}`,
  /** An activity credits a person once, whether by check-out or by an approved 补签. */
  activity: (activityId: string, openid: string) => `activity:${activityId}:${openid}`,
  correction: (requestId: string) => `correction:${requestId}`,
  /** One carry-over per imported record, whoever confirms it and however often. */
  carryover: (personId: string) => `carryover:${personId}`,
}

export type HonourPeriod = 'month' | 'year'

/** The honour-board and totals buckets of a service date (`YYYY-MM-DD`): `2026-11` and `2026`. */
export function serviceKeys(serviceDate: string): Record<HonourPeriod, string> {
  return { month: serviceDate.slice(0, 7), year: serviceDate.slice(0, 4) }
}

/**
 * What a 志愿服务记录 says besides the hours (民政部令第67号《志愿服务记录与证明出具办法（试行）》2020,
 * 第八条: 服务时间、地点、内容、时长 and who recorded it): the service day(s) in China time, the place
 * and what was done. Every ledger entry carries it; certificates list it.
 */
export type ServiceRecord = {
  /** The first day of the service (`YYYY-MM-DD`); the same as `serviceDate` for one day. */
  serviceFrom: string
  /** The day the service was done (its last day): periods and certificates go by it, not by when it was credited. */
  serviceDate: string
  place: string
  content: string
}

/** The honour-board buckets a moment falls in, in China time: `2026-11` and `2026`. */
export function periodKeys(at: Date): Record<HonourPeriod, string> {
  const local = dayjs(at).utcOffset(CHINA_OFFSET_MINUTES)
  return { month: local.format('YYYY-MM'), year: local.format('YYYY') }
}

export function periodLabel(period: HonourPeriod, key: string): string {
  const [year, month] = key.split('-')
  return period === 'year' ? `${year}年` : `${year}年${Number(month)}月`
}
