import dayjs from 'dayjs'

/** Days between inspections before one is overdue (the community may ask for a shorter cycle). */
export const INSPECTION_DAYS = 30
/** Pads and batteries expiring this soon trigger the guardian's reminder. */
export const EXPIRY_WARNING_DAYS = 30

export type AedStatus = 'available' | 'maintenance' | 'unknown'

export type ReadinessInput = {
  status: AedStatus
  padsExpiry: string
  batteryExpiry: string
  lastInspection: string | null
}

export type Warning = 'unverified' | 'padsExpired' | 'batteryExpired' | 'inspectionOverdue'

export const WARNING_LABELS: Record<Warning, string> = {
  unverified: '待核实',
  padsExpired: '电极片过期',
  batteryExpired: '电池过期',
  inspectionOverdue: '超期未巡检',
}

/** What a rescuer should know before running to this AED (`today` is the date in China). */
export function warningsOf(aed: ReadinessInput, today: string): Warning[] {
  const warnings: Warning[] = []
  if (aed.status !== 'available') warnings.push('unverified')
  if (aed.padsExpiry < today) warnings.push('padsExpired')
  if (aed.batteryExpiry < today) warnings.push('batteryExpired')
  if (!aed.lastInspection || dayjs(aed.lastInspection).add(INSPECTION_DAYS, 'day').format('YYYY-MM-DD') < today) warnings.push('inspectionOverdue')
  return warnings
}

/** Reminders a guardian gets: supplies running out soon, inspection due. */
export function remindersOf(aed: ReadinessInput, today: string): string[] {
  const soon = dayjs(today).add(EXPIRY_WARNING_DAYS, 'day').format('YYYY-MM-DD')
  const reminders: string[] = []
  if (aed.padsExpiry <= soon) reminders.push(aed.padsExpiry < today ? '电极片已过期' : `电极片将于${aed.padsExpiry}过期`)
  if (aed.batteryExpiry <= soon) reminders.push(aed.batteryExpiry < today ? '电池已过期' : `电池将于${aed.batteryExpiry}过期`)
  if (warningsOf(aed, today).includes('inspectionOverdue')) reminders.push('已超过巡检周期')
  return reminders
}
