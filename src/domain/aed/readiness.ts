import dayjs from 'dayjs'
import type { ReportKind } from './contract'
import { walkingMinutes } from '../geo'
import { inspectionOverdue, type InspectionCycle } from './inspection'

/** Pads and batteries expiring this soon trigger the guardian's reminder. */
export const EXPIRY_WARNING_DAYS = 30

/** Set by those who look after the AED: `maintenance` after an inspection found it faulty; `unknown` for a suggestion. */
export type AedStatus = 'available' | 'maintenance' | 'unknown'

/** Whether a rescuer can count on the AED: `warning` may still work, `out_of_service` may not. */
export type Readiness = 'ready' | 'warning' | 'out_of_service'

export type ReadinessReason =
  | 'reportedFault'
  | 'reportedUsed'
  | 'maintenance'
  | 'unverified'
  | 'reportedUnconfirmed'
  | 'positionDoubtful'
  | 'reportedLocked'
  | 'padsExpired'
  | 'batteryExpired'
  | 'inspectionOverdue'
  | 'neverInspected'

/** Short labels that say what a rescuer should expect, never a bare 待核实. */
export const REASON_LABELS: Record<ReadinessReason, string> = {
  reportedFault: '可能无法使用：有人报告故障',
  reportedUsed: '可能无法使用：已被使用，待检查',
  maintenance: '停用维修中',
  unverified: '居民建议，尚未核实',
  reportedUnconfirmed: '有人报告可能无法使用，待核实',
  positionDoubtful: '位置待核实',
  reportedLocked: '有人报告柜门打不开',
  padsExpired: '电极片已过期',
  batteryExpired: '电池已过期',
  inspectionOverdue: '超期未巡检',
  neverInspected: '没有巡检记录',
}

const OUT_OF_SERVICE: ReadonlySet<ReadinessReason> = new Set(['reportedFault', 'reportedUsed', 'maintenance'])

/** Open reports of these kinds speak against the AED until someone who looks after it checks them. */
export const REPORT_REASONS: Partial<Record<ReportKind, ReadinessReason>> = {
  fault: 'reportedFault',
  used: 'reportedUsed',
  missing: 'positionDoubtful',
  wrongPlace: 'positionDoubtful',
  locked: 'reportedLocked',
}
export const ATTENTION_KINDS = Object.keys(REPORT_REASONS) as ReportKind[]

/**
 * An open report as readiness reads it. `confirmed`: its reporter has standing (standing.ts). A
 * fault or use reported without standing only warns (有人报告可能无法使用，待核实): the device stays
 * in the emergency list, after the ready ones, however many such reports arrive.
 */
export type OpenReport = { kind: ReportKind; confirmed: boolean }

const speaksOfUse = (kind: ReportKind) => REPORT_REASONS[kind] === 'reportedFault' || REPORT_REASONS[kind] === 'reportedUsed'

/** A fault or a use reported by someone with standing: the device is out of service until checked. */
export const takesOutOfService = ({ kind, confirmed }: OpenReport): boolean => confirmed && speaksOfUse(kind)

function reasonOf(report: OpenReport): ReadinessReason | undefined {
  return speaksOfUse(report.kind) && !report.confirmed ? 'reportedUnconfirmed' : REPORT_REASONS[report.kind]
}

export type ReadinessInput = {
  status: AedStatus
  verified: boolean
  /** Null until a suggestion is verified with the real dates. */
  padsExpiry: string | null
  batteryExpiry: string | null
  lastInspection: string | null
  /** Its community's inspection cycle (monthly when unset). */
  inspectionCycle?: InspectionCycle
  /** The AED's open (unchecked) problem reports. */
  openReports: readonly OpenReport[]
}

/** What a rescuer should know before running to this AED (`today` is the date in China). */
export function readinessOf(aed: ReadinessInput, today: string): { readiness: Readiness; reasons: ReadinessReason[] } {
  const found = new Set<ReadinessReason>()
  for (const report of aed.openReports) {
    const reason = reasonOf(report)
    if (reason) found.add(reason)
  }
  if (aed.status === 'maintenance') found.add('maintenance')
  if (!aed.verified) found.add('unverified')
  if (aed.padsExpiry && aed.padsExpiry < today) found.add('padsExpired')
  if (aed.batteryExpiry && aed.batteryExpiry < today) found.add('batteryExpired')
  if (!aed.lastInspection) found.add('neverInspected')
  else if (inspectionOverdue(aed.lastInspection, today, aed.inspectionCycle)) found.add('inspectionOverdue')
  // The order of REASON_LABELS: what makes it unusable first.
  const reasons = (Object.keys(REASON_LABELS) as ReadinessReason[]).filter((reason) => found.has(reason))
  const readiness: Readiness = reasons.some((r) => OUT_OF_SERVICE.has(r)) ? 'out_of_service' : reasons.length ? 'warning' : 'ready'
  return { readiness, reasons }
}


/**
 * Emergency order: ready and open first, then open with a warning, then closed ones that may
 * work (ready before warning), then those that may not work (open before closed); nearest first
 * within each. A locked door beats nothing, but a fine device in reach beats a doubtful one.
 */
export function emergencyTier(aed: { readiness: Readiness; openNow: boolean }): number {
  const broken = aed.readiness === 'out_of_service'
  return (broken ? 4 : 0) + (aed.openNow ? 0 : 2) + (aed.readiness === 'warning' ? 1 : 0)
}

export function compareForEmergency<T extends { readiness: Readiness; openNow: boolean; distanceMeters: number }>(a: T, b: T): number {
  return emergencyTier(a) - emergencyTier(b) || a.distanceMeters - b.distanceMeters
}

/**
 * Reach is the time to fetch the AED and bring it back, not the walk there: 广州市《公共场所自动
 * 体外除颤器（AED）配置规范（暂行）》(2024) places AEDs so that one is fetched and brought to the
 * scene within 3–5 minutes (按照3至5分钟内获取AED并到达现场为原则), as 《中国AED布局与投放专家共识》
 * (中华医学会急诊医学分会, 2020) does; we take the upper bound.
 */
export const FETCH_AND_RETURN_MINUTES = 5

/** Minutes to walk to the AED and back with it (there and back at the walking estimate of geo.ts). */
export const roundTripMinutes = (meters: number): number => walkingMinutes(2 * meters)

type Candidate = { readiness: Readiness; openNow: boolean; distanceMeters: number; roundTripMinutes: number }

export const inReach = (aed: Pick<Candidate, 'roundTripMinutes'>) => aed.roundTripMinutes <= FETCH_AND_RETURN_MINUTES

/**
 * The AEDs to send a bystander for: usable now (open, not taken out of service), those that can
 * be fetched and brought back within 5 minutes before those that cannot, then ready before warned,
 * then the quickest round trip. A device with an overdue inspection 3 minutes away serves better
 * than a checked one 15 minutes away.
 */
export function forRescue<T extends Candidate>(items: readonly T[], count: number): T[] {
  return items.filter(usableNow).sort(compareForRescue).slice(0, count)
}

/** Open now and not taken out of service: worth running to. */
export const usableNow = (aed: Pick<Candidate, 'readiness' | 'openNow'>): boolean => aed.readiness !== 'out_of_service' && aed.openNow

/**
 * The one rescue ranking, for the emergency screen and 找AED alike (issue 26): usable now first
 * (in reach before out of reach, ready before warned, then the quickest round trip), then the
 * rest in the emergency order (emergencyTier), nearest first.
 */
export function compareForRescue<T extends Candidate>(a: T, b: T): number {
  const usable = Number(usableNow(b)) - Number(usableNow(a))
  if (usable) return usable
  if (!usableNow(a)) return compareForEmergency(a, b)
  const rank = (aed: T) => (inReach(aed) ? 0 : 2) + emergencyTier(aed)
  return rank(a) - rank(b) || a.roundTripMinutes - b.roundTripMinutes || a.distanceMeters - b.distanceMeters
}

/** Reminders a guardian gets: supplies running out soon, inspection due. */
export function remindersOf(aed: Pick<ReadinessInput, 'padsExpiry' | 'batteryExpiry' | 'lastInspection' | 'inspectionCycle'>, today: string): string[] {
  const soon = dayjs(today).add(EXPIRY_WARNING_DAYS, 'day').format('YYYY-MM-DD')
  const reminders: string[] = []
  if (aed.padsExpiry && aed.padsExpiry <= soon) reminders.push(aed.padsExpiry < today ? '电极片已过期' : `电极片将于${aed.padsExpiry}过期`)
  if (aed.batteryExpiry && aed.batteryExpiry <= soon) reminders.push(aed.batteryExpiry < today ? '电池已过期' : `电池将于${aed.batteryExpiry}过期`)
  if (!aed.lastInspection || inspectionOverdue(aed.lastInspection, today, aed.inspectionCycle)) reminders.push('已超过巡检周期')
  return reminders
}
