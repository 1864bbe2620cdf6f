/**
 * 家园数据: the figures a station reports to the district (the seeds: members, volunteers, service
 * hours, people trained and reached, AEDs, the fund), each derived from stored data, never typed.
 */
export type Figures = {
  members: number
  /** 青少年会员: approved members under 18 on the day of the count. */
  youthMembers: number
  /** Active volunteers of the community. */
  volunteers: number
  /** 注册红十字志愿者: active volunteers with ≥ 20 h of service this year. */
  registeredVolunteers: number
  /** Service hours this year (corrections included), by the service date. */
  hours: number
  wishesPosted: number
  wishesCompleted: number
  /** 初级救护员: people with a 救护员证 still valid today, from the community's courses. */
  rescuers: number
  /** People who attended a first-aid course of the community (普及培训 reached). */
  reached: number
  /** 急救课堂: lessons finished this year by passing their quiz, by residents of the community (one per person and lesson). */
  lessonsPassed: number
  /** 紧急呼 raised in the community this year (drills left out), and the responders who accepted them. */
  rescueAlerts: number
  rescueResponses: number
  aeds: number
  aedsReady: number
  fundBalanceFen: number
}

export const EMPTY_FIGURES: Figures = {
  members: 0,
  youthMembers: 0,
  volunteers: 0,
  registeredVolunteers: 0,
  hours: 0,
  wishesPosted: 0,
  wishesCompleted: 0,
  rescuers: 0,
  reached: 0,
  lessonsPassed: 0,
  rescueAlerts: 0,
  rescueResponses: 0,
  aeds: 0,
  aedsReady: 0,
  fundBalanceFen: 0,
}

/** The figures the district sets a yearly target for. */
export const TARGET_KEYS = ['members', 'volunteers', 'hours', 'rescuers', 'reached', 'aeds'] as const
export type TargetKey = (typeof TARGET_KEYS)[number]
export type Targets = Partial<Record<TargetKey, number>>

export const FIGURE_LABELS: Record<keyof Figures, string> = {
  members: '红十字会员',
  youthMembers: '青少年会员',
  volunteers: '志愿者',
  registeredVolunteers: '注册志愿者',
  hours: '服务时长（小时）',
  wishesPosted: '发布心愿',
  wishesCompleted: '完成心愿',
  rescuers: '初级救护员',
  reached: '普及培训人数',
  lessonsPassed: '线上学完急救课',
  rescueAlerts: '紧急呼',
  rescueResponses: '紧急呼响应',
  aeds: 'AED',
  aedsReady: '可用AED',
  fundBalanceFen: '互助金余额',
}

/**
 * Completion of a yearly target in percent, two decimals, as the seeds report it
 * (柯桥区: 1,435 初级救护员 of 2,771 = 51.79%). Null when no target is set.
 */
export function completionPercent(value: number, target: number | undefined): number | null {
  if (!target || target <= 0) return null
  return Math.round((value / target) * 10_000) / 100
}

/** Sums the figures of several communities (the district's totals). */
export function sumFigures(all: readonly Figures[]): Figures {
  const total: Figures = { ...EMPTY_FIGURES }
  for (const figures of all) for (const key of Object.keys(total) as Array<keyof Figures>) total[key] += figures[key]
  // Hours are recorded to the half hour; sums of fractions are rounded back to one decimal.
  total.hours = Math.round(total.hours * 10) / 10
  return total
}

export function sumTargets(all: readonly Targets[]): Targets {
  const total: Targets = {}
  for (const targets of all) for (const key of TARGET_KEYS) if (targets[key] !== undefined) total[key] = (total[key] ?? 0) + (targets[key] ?? 0)
  return total
}


/** What a target is called on the pages (初级救护员 as the seeds name trained rescuers). */
export const TARGET_LABELS: Record<TargetKey, string> = {
  members: '红十字会员',
  volunteers: '志愿者',
  hours: '服务时长',
  rescuers: '初级救护员',
  reached: '普及培训',
  aeds: 'AED',
}

export type GaugeRow = { key: TargetKey; label: string; value: number; target: number; percent: number; unit: string }

/** The targets that are set, each with its figure and completion, in the order of TARGET_KEYS. */
export function gaugesOf(figures: Figures, targets: Targets): GaugeRow[] {
  return TARGET_KEYS.flatMap((key) => {
    const target = targets[key]
    const percent = completionPercent(figures[key], target)
    if (target === undefined || percent === null) return []
    return [{ key, label: TARGET_LABELS[key], value: figures[key], target, percent, unit: key === 'hours' ? '小时' : key === 'reached' ? '人次' : '' }]
  })
}
