import dayjs from 'dayjs'

/**
 * The inspection checklist, as the local record sheets list it: 杭州 DB3301/T 0435-2023《公共场所
 * 自动体外除颤器设置与维护管理规范》附录D「AED日常巡检维护记录表」, and 广州《公共场所自动体外除颤器
 * （AED）配置规范（暂行）》(2024, 广州市卫生健康委员会; cabinets never locked, checked daily).
 * Each item is a yes/no seen on site; pad and battery expiry dates are recorded beside them.
 */
export const CHECK_ITEMS = {
  statusLight: '状态指示灯正常（自检通过）',
  padsSealed: '电极片包装密封完好',
  batteryOk: '电池电量充足',
  cabinetOpens: '机柜未上锁，能正常打开',
  alarmWorks: '机柜报警装置正常',
} as const
export type CheckItem = keyof typeof CHECK_ITEMS
export type Checklist = Record<CheckItem, boolean> & { paediatricPads: PaediatricPads }

/** 儿童电极片 (or an attenuator): many devices carry none, which is recorded, not a fault. */
export const PAEDIATRIC_PADS = { present: '有儿童电极片', missing: '应有但缺失', notEquipped: '本机未配备' } as const
export type PaediatricPads = keyof typeof PAEDIATRIC_PADS

/** Items without which a rescuer cannot count on the device: 设备完好 needs every one. */
const ESSENTIAL: readonly CheckItem[] = ['statusLight', 'padsSealed', 'batteryOk', 'cabinetOpens']

export const SELF_TESTS = { passed: '自检通过', failed: '自检未通过' } as const
export type SelfTest = keyof typeof SELF_TESTS

export type InspectionInput = {
  date: string
  result: 'ok' | 'faulty'
  checklist: Checklist
  padsExpiry: string
  batteryExpiry: string
  /** New (single-use) pads were fitted at this inspection; their expiry is `padsExpiry`. */
  padsReplaced: boolean
  selfTest?: SelfTest
}

/**
 * Whether 设备完好 may be recorded: every essential item seen fine, pads and battery in date on
 * the day, and after a use (an open 已被使用 report) new pads fitted and the device's self-test
 * passed: electrode pads are single use, so a used device without new ones cannot shock the next
 * patient. Answers the refused fields with their messages; empty when it may. 设备故障 may always
 * be recorded.
 */
export function refusalsOf(inspection: InspectionInput, afterUse: boolean): Record<string, string> {
  if (inspection.result !== 'ok') return {}
  const refused: Record<string, string> = {}
  for (const item of ESSENTIAL) if (!inspection.checklist[item]) refused[item] = `“${CHECK_ITEMS[item]}”未勾选，不能记为设备完好`
  if (inspection.padsExpiry < inspection.date) refused.padsExpiry = `电极片已于${inspection.padsExpiry}过期`
  if (inspection.batteryExpiry < inspection.date) refused.batteryExpiry = `电池已于${inspection.batteryExpiry}过期`
  if (afterUse && !inspection.padsReplaced) refused.padsReplaced = '设备已被使用：请更换新的电极片并填写其有效期'
  if (afterUse && inspection.selfTest !== 'passed') refused.selfTest = '设备已被使用：请开机自检，自检通过后才能记为设备完好'
  return refused
}

/** What the keepers still have to see to after an inspection that may pass (the alarm, children's pads). */
export function followUpsOf(checklist: Checklist): string[] {
  return [...(checklist.alarmWorks ? [] : ['机柜报警装置需维修']), ...(checklist.paediatricPads === 'missing' ? ['需补充儿童电极片'] : [])]
}

/** How the checklist reads in the device's record (its history entry). */
export function describeChecklist(checklist: Checklist): string {
  const items = (Object.keys(CHECK_ITEMS) as CheckItem[]).map((item) => `${CHECK_ITEMS[item]}：${checklist[item] ? '是' : '否'}`)
  return [...items, `儿童电极片：${PAEDIATRIC_PADS[checklist.paediatricPads]}`].join('；')
}

/**
 * How often a community inspects its AEDs: monthly by default (the cycle the station used, 30
 * days), weekly, or daily as 广州's 2024 规范 asks of public places (每日至少检查1次).
 */
export const INSPECTION_CYCLES = { daily: '每天', weekly: '每周', monthly: '每月' } as const
export type InspectionCycle = keyof typeof INSPECTION_CYCLES
export const DEFAULT_INSPECTION_CYCLE: InspectionCycle = 'monthly'
const CYCLE_DAYS: Record<InspectionCycle, number> = { daily: 1, weekly: 7, monthly: 30 }

/** Overdue when more than one cycle has passed since the last inspection (daily: none yesterday or today). */
export function inspectionOverdue(lastInspection: string, today: string, cycle: InspectionCycle = DEFAULT_INSPECTION_CYCLE): boolean {
  return lastInspection < overdueBefore(today, cycle)
}

/** The same rule as a bound a query can use: an inspection dated before this day is overdue today. */
export function overdueBefore(today: string, cycle: InspectionCycle = DEFAULT_INSPECTION_CYCLE): string {
  return dayjs(today).subtract(CYCLE_DAYS[cycle], 'day').format('YYYY-MM-DD')
}
