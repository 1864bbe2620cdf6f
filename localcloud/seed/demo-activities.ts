import crypto from 'node:crypto'
import type { ActivityType } from '@/domain/activity/rules'
import { DEFAULT_CHECK_IN_RADIUS_METERS, DEFAULT_MIN_COVERAGE, isRiskyActivity } from '@/domain/activity/rules'
import { maskName } from '@/domain/privacy'
import { formatChinaDate } from '@/domain/dates'
import { ledgerEntryId, pointsFor, serviceKeys, type LedgerSource, type ServiceRecord } from '@/domain/volunteer/ledger'
import { ownedId } from '../../cloudfunctions/_kit/ids'
import { newSignup } from '../../cloudfunctions/activity/new-signup'
import { DEMO_COMMUNITIES, DEMO_USERS } from './demo-data'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

type DemoActivity = {
  id: string
  title: string
  type: ActivityType
  description: string
  communityId: string
  address: string
  /** Offset of the start from the seeding moment, in days (at 09:00 China time), and length in hours. */
  inDays: number
  hours: number
  capacity: number
  requiresCertificate?: boolean
  /** Demo volunteers already signed up. */
  signedUp: string[]
}

const staff = DEMO_USERS.find((u) => u._id === 'demo-staff')!

const UPCOMING: DemoActivity[] = [
  { id: 'demo-activity-clinic', title: '社区义诊志愿服务', type: 'clinic', description: '协助社区卫生服务站医生为老人量血压、测血糖，引导排队、登记信息。穿红十字志愿者马甲，提前15分钟到场。', communityId: 'dadu', address: '大渡社区博爱家园一楼活动室', inDays: 3, hours: 3, capacity: 12, signedUp: ['demo-volunteer'] },
  { id: 'demo-activity-aid-assist', title: '应急救护培训助教', type: 'first_aid_assist', description: '协助红十字救护培训师带领居民练习心肺复苏和AED使用，纠正按压姿势。需持有效救护员证。', communityId: 'yulan', address: '玉兰社区“大爱玉兰”培训教室', inDays: 5, hours: 4, capacity: 6, requiresCertificate: true, signedUp: [] },
  { id: 'demo-activity-flood', title: '防汛值守', type: 'flood_watch', description: '汛期夜间在低洼地段巡查积水，协助转移独居老人，发现险情及时报告社区。', communityId: 'gangyue', address: '港越社区沿河步道值守点', inDays: 6, hours: 4, capacity: 10, signedUp: [] },
  { id: 'demo-activity-elder-visit', title: '敬老探访：陪独居老人过周末', type: 'elder_visit', description: '两人一组上门探访独居老人，聊聊天、帮忙整理房间，了解近期需求并记录。', communityId: 'dadu', address: '大渡社区居委会门口集合', inDays: 8, hours: 2, capacity: 8, signedUp: [] },
]

/** Past service already in the ledger, so 我的志愿 and the 光荣榜 are not empty. */
type DemoCredit = { openid: string; name: string; source: LedgerSource; sourceId: string; title: string; hours: number; reason: string; communityId: string; daysAgo: number; by: { openid: string; name: string }; served?: { from: string; to: string } }

/** Volunteers of 大渡社区 besides demo-volunteer, for the honour board (profiles only, not login identities). */
export const DEMO_PEERS = [
  { openid: 'demo-peer-1', name: '陈建国', hours: [4, 3, 2] },
  { openid: 'demo-peer-2', name: '赵丽萍', hours: [3, 2] },
  { openid: 'demo-peer-3', name: '孙浩然', hours: [2] },
]

function serviceRecordOf(c: DemoCredit, at: Date): ServiceRecord {
  const serviceDate = c.served?.to ?? formatChinaDate(at)
  const place = c.source === 'activity' ? `${communityNameOf(c.communityId)}博爱家园` : communityNameOf(c.communityId)
  const content = c.source === 'correction' ? c.reason : c.source === 'wish' ? `红心愿：${c.title}` : `志愿活动：${c.title}`
  return { serviceFrom: c.served?.from ?? serviceDate, serviceDate, place, content }
}

const communityNameOf = (id: string) => DEMO_COMMUNITIES.find((c) => c._id === id)?.name ?? ''

function demoCredits(): DemoCredit[] {
  const byStaff = { openid: staff._id, name: staff.displayName }
  return [
    // The service demo-volunteer did before the app, imported from the station's paper ledger.
    { openid: 'demo-volunteer', name: '李志强', source: 'correction', sourceId: ownedId('vo', 'demo-volunteer'), title: '时长更正', hours: 28, reason: '导入线下志愿服务台账（2024—2025年）', communityId: 'dadu', daysAgo: 60, by: byStaff, served: { from: '2024-01-01', to: '2025-12-31' } },
    { openid: 'demo-volunteer', name: '李志强', source: 'activity', sourceId: 'demo-activity-past-flood', title: '防汛值守', hours: 4, reason: '出勤100%', communityId: 'dadu', daysAgo: 20, by: byStaff },
    { openid: 'demo-volunteer', name: '李志强', source: 'activity', sourceId: 'demo-activity-past-clinic', title: '社区义诊志愿服务', hours: 3, reason: '出勤92%', communityId: 'dadu', daysAgo: 10, by: byStaff },
    // demo-wish-5, completed and confirmed 8 days ago (see demoWishes).
    { openid: 'demo-volunteer', name: '李志强', source: 'wish', sourceId: 'demo-wish-5', title: '每周陪老人聊聊天', hours: 1, reason: '心愿主人确认完成', communityId: 'dadu', daysAgo: 8, by: { openid: 'demo-resident', name: '王秀英' } },
    ...DEMO_PEERS.flatMap((peer) =>
      peer.hours.map((hours, i) => ({ openid: peer.openid, name: peer.name, source: 'activity' as const, sourceId: `demo-activity-past-${i}`, title: ['防汛值守', '社区义诊志愿服务', '敬老探访'][i], hours, reason: '出勤100%', communityId: 'dadu', daysAgo: 3 + i * 4, by: byStaff })),
    ),
  ]
}

const at9China = (now: Date, inDays: number) => {
  const day = new Date(now.getTime() + inDays * DAY)
  return new Date(`${day.toISOString().slice(0, 10)}T01:00:00.000Z`)
}

/**
 * Activities, sign-ups, the ledger, and the totals derived from the ledger (volunteers' hours,
 * points and buckets, the honour-board rows) the way the ledger kit keeps them, so they agree.
 */
export function demoActivityData(now: Date) {
  const communityName = (id: string) => DEMO_COMMUNITIES.find((c) => c._id === id)?.name ?? ''
  const activities = UPCOMING.map((a) => {
    const startAt = at9China(now, a.inDays)
    return {
      _id: a.id,
      title: a.title,
      type: a.type,
      description: a.description,
      communityId: a.communityId,
      communityName: communityName(a.communityId),
      organiserOpenid: staff._id,
      organiserName: staff.displayName,
      location: { ...DEMO_COMMUNITIES.find((c) => c._id === a.communityId)!.location, address: a.address },
      startAt,
      endAt: new Date(startAt.getTime() + a.hours * HOUR),
      signupDeadline: new Date(startAt.getTime() - DAY),
      capacity: a.capacity,
      placesLeft: a.capacity - a.signedUp.length,
      seats: Object.fromEntries(a.signedUp.map((openid) => [openid, `seed-${openid}`])),
      hours: a.hours,
      checkInRadiusMeters: DEFAULT_CHECK_IN_RADIUS_METERS,
      minCoverage: DEFAULT_MIN_COVERAGE,
      requiresCertificate: a.requiresCertificate ?? false,
      // 条例 2017 第十七条: a risky kind is insured before it is published (a demo policy, marked so).
      insurance: isRiskyActivity(a.type) ? { insurer: '演示保险公司（示例数据）', policyNo: 'DEMO-2026-0001', from: formatChinaDate(startAt), to: formatChinaDate(new Date(startAt.getTime() + a.hours * HOUR)) } : null,
      status: 'open',
      cancelReason: null,
      codeSecret: crypto.randomBytes(20).toString('hex'),
      createdAt: now,
    }
  })
  const signups = activities.flatMap((a) => Object.entries(a.seats).map(([openid, seatToken]) => newSignup(a, openid, seatToken, now)))
  const ledger = demoCredits().map((c) => ({
    _id: c.source === 'wish' ? ledgerEntryId.wish(c.sourceId) : c.source === 'correction' ? ledgerEntryId.correction(`seed-${c.openid}`) : ledgerEntryId.activity(c.sourceId, c.openid),
    openid: c.openid,
    source: c.source,
    sourceId: c.sourceId,
    title: c.title,
    hours: c.hours,
    points: pointsFor(c.hours, DEMO_COMMUNITIES.find((x) => x._id === c.communityId)?.pointsPerHour),
    reason: c.reason,
    communityId: c.communityId,
    creditedBy: c.by.openid,
    creditedByName: c.by.name,
    at: new Date(now.getTime() - c.daysAgo * DAY),
    // A record of service (民政部令第67号 2020 第八条): the day served, the place, what was done.
    ...serviceRecordOf(c, new Date(now.getTime() - c.daysAgo * DAY)),
  }))
  const totals = new Map<string, { hours: number; points: number; periodHours: Record<string, number>; ledgerApplied: Record<string, boolean> }>()
  const honour = new Map<string, { _id: string; communityId: string; period: string; key: string; openid: string; displayName: string; hours: number; applied: Record<string, boolean> }>()
  for (const entry of ledger) {
    const t = totals.get(entry.openid) ?? { hours: 0, points: 0, periodHours: {}, ledgerApplied: {} }
    // Buckets by the day served, as the ledger kit keeps them.
    const keys = serviceKeys(entry.serviceDate)
    t.hours += entry.hours
    t.points += entry.points
    t.periodHours[`y${keys.year}`] = (t.periodHours[`y${keys.year}`] ?? 0) + entry.hours
    t.periodHours[`m${keys.month}`] = (t.periodHours[`m${keys.month}`] ?? 0) + entry.hours
    t.ledgerApplied[entry._id] = true
    totals.set(entry.openid, t)
    const name = demoCredits().find((c) => c.openid === entry.openid)!.name
    for (const period of ['month', 'year'] as const) {
      const _id = `${entry.communityId}:${keys[period]}:${entry.openid}`
      const row = honour.get(_id) ?? { _id, communityId: entry.communityId, period, key: keys[period], openid: entry.openid, displayName: maskName(name), hours: 0, applied: {} }
      row.hours += entry.hours
      row.applied[entry._id] = true
      honour.set(_id, row)
    }
  }
  return { activities, signups, ledger, totals, honourTotals: [...honour.values()] }
}
