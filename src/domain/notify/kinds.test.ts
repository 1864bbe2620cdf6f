import { checkTemplateData } from '../../../localcloud/backend/subscribe-values'
import { WISH_ACTIONS } from '../wish/states'
import { ALERT_KINDS, type AlertKind } from '../rescue/rules'
import { REPORT_KINDS, type ReportKind } from '../aed/contract'
import {
  AED_REPORT_PHRASES, CHECKIN_RESULT_PHRASES, DRILL_PHRASE, RESCUE_PHRASES, FUND_AID_PHRASES, NOTIFY_KIND_NAMES, NOTIFY_KINDS, REVIEW_PHRASES, STAFF_QUEUES, templateData, TRAINING_RESULT_PHRASES,
  WISH_UPDATE_PHRASES, type NotifyKind, type NotifyPayloads, type FundAidStep, type StaffQueue, type TrainingResult,
} from './kinds'
import { thing } from './values'

const LONG = '请志愿者每周二下午陪我去柯桥区中医院复查并帮忙取药，顺便把家里的灯泡也换一下'.repeat(3)
const ODD = ['', '   ', LONG, '🎂生日快乐🎉👨‍👩‍👧🇨🇳', 'ASCII only: "quotes" & <tags> ~!@#$%^', '第一行\n第二行\t制表', '🎂🎉', 'a'.repeat(200)]
const TIMES = [new Date('2026-11-23T12:00:00.000Z'), new Date('2026-12-31T16:30:00.000Z'), new Date(0)]

/** Long, empty and odd payloads of every kind; the mapped type makes a new kind add its cases. */
const PAYLOADS: { [K in NotifyKind]: Array<NotifyPayloads[K]> } = {
  member_review: ODD.flatMap((text, i) => [
    { approved: true, memberNo: text, reviewedAt: TIMES[i % 3] },
    { approved: true, reviewedAt: TIMES[i % 3] },
    { approved: false, reason: text, reviewedAt: TIMES[i % 3] },
    { approved: false, reviewedAt: TIMES[i % 3] },
  ]),
  volunteer_review: ODD.flatMap((text, i) => [
    { approved: true, reviewedAt: TIMES[i % 3] },
    { approved: false, reason: text, reviewedAt: TIMES[i % 3] },
    { approved: false, reviewedAt: TIMES[i % 3] },
  ]),
  wish_update: ODD.flatMap((text, i) =>
    WISH_ACTIONS.map((action) => ({ wishId: `wish-${i}`, wishTitle: text, action, note: i % 2 ? text : undefined, at: TIMES[i % 3] })),
  ),
  aed_alert: ODD.flatMap((text, i) => [
    { aedId: `aed-${i}`, aedName: text, message: text, at: TIMES[i % 3] },
    { aedId: `aed-${i}`, aedName: '玉兰社区服务中心一楼大厅', message: LONG, at: TIMES[i % 3] },
  ]),
  aed_report: ODD.flatMap((text, i) =>
    (Object.keys(REPORT_KINDS) as ReportKind[]).flatMap((kind) => [
      { aedId: `aed-${i}`, aedName: text, kind, outcome: 'received' as const, at: TIMES[i % 3] },
      { aedId: `aed-${i}`, aedName: text, kind, outcome: 'resolved' as const, resolution: text, at: TIMES[i % 3] },
      { aedId: `aed-${i}`, aedName: text, kind, outcome: 'resolved' as const, at: TIMES[i % 3] },
    ]),
  ),
  cert_reminder: ODD.flatMap((text) => [
    { number: text, validUntil: '2026-01-05' },
    { number: 'JHY202300001', validUntil: '2027-12-31' },
  ]),
  training_signup: ODD.flatMap((text) => [
    { sessionTitle: text, date: '2026-12-05', place: text },
    { sessionTitle: '救护员培训（第12期）', date: '2027-01-31', place: LONG },
  ]),
  training_result: ODD.flatMap((text, i) =>
    (Object.keys(TRAINING_RESULT_PHRASES) as TrainingResult[]).flatMap((result) => [
      { sessionTitle: text, result, at: TIMES[i % 3] },
      { sessionTitle: text, result, certificateNumber: i % 2 ? text : 'JHY202600042', at: TIMES[i % 3] },
    ]),
  ),
  staff_todo: (Object.keys(STAFF_QUEUES) as StaffQueue[]).flatMap((queue, i) =>
    [0, 1, 3, 999_999_999_999, -2, 2.5, Number.MAX_SAFE_INTEGER].map((waiting) => ({ queue, waiting, at: TIMES[i % 3] })),
  ),
  activity_cancelled: ODD.flatMap((text, i) => [{ activityId: `a-${i}`, title: text, reason: text, startAt: TIMES[i % 3] }]),
  activity_reminder: ODD.flatMap((text, i) => [{ activityId: `a-${i}`, title: text, address: text, startAt: TIMES[i % 3] }]),
  checkin_result: ODD.flatMap((text, i) => [
    { activityId: `a-${i}`, title: text, hours: 2.5, credited: true, at: TIMES[i % 3] },
    { activityId: `a-${i}`, title: text, hours: 3, credited: false, at: TIMES[i % 3] },
  ]),
  hours_credited: ODD.flatMap((text, i) => [
    { source: 'wish' as const, title: text, hours: 0.5, serviceDate: '2026-11-30', at: TIMES[i % 3] },
    { source: 'correction' as const, title: text, hours: -99.5, serviceDate: '2026-01-01', at: TIMES[i % 3] },
    { source: 'correction' as const, title: text, hours: 100, serviceDate: '2026-12-31', at: TIMES[i % 3] },
  ]),
  fund_aid: ODD.flatMap((text, i) =>
    (Object.keys(FUND_AID_PHRASES) as FundAidStep[]).map((step) => ({ aidId: `aid-${i}`, category: text, amountFen: 1 + i * 99_999, step, note: i % 2 ? text : undefined, at: TIMES[i % 3] })),
  ),
  rescue_alert: (Object.keys(ALERT_KINDS) as AlertKind[]).flatMap((kind, i) =>
    [true, false].flatMap((drill) => [
      { alertId: `ra-${i}`, kind, drill, step: 'alert' as const, distanceMeters: [0, 812.4, 1999.9, 123_456_789][i], at: TIMES[i % 3] },
      { alertId: `ra-${i}`, kind, drill, step: 'role' as const, role: (['patient', 'aed', 'support'] as const)[i % 3], at: TIMES[i % 3] },
      { alertId: `ra-${i}`, kind, drill, step: 'debrief' as const, at: TIMES[i % 3] },
    ]),
  ),
}

const each = <R>(fn: <K extends NotifyKind>(kind: K, payload: NotifyPayloads[K]) => R) =>
  NOTIFY_KIND_NAMES.flatMap((kind) => (PAYLOADS[kind] as Array<NotifyPayloads[typeof kind]>).map((payload) => fn(kind, payload)))

test('every kind × odd payload gives values WeChat accepts', () => {
  const refused = each((kind, payload) => {
    const data = templateData(kind, payload)
    return { kind, payload, data, error: checkTemplateData(data) }
  }).filter((r) => r.error)
  expect(refused).toEqual([])
})

test('every phrase label is ≤ 5 Chinese characters, accepted as it is', () => {
  const labels = [WISH_UPDATE_PHRASES, REVIEW_PHRASES, RESCUE_PHRASES, { drill: DRILL_PHRASE }, AED_REPORT_PHRASES, TRAINING_RESULT_PHRASES, CHECKIN_RESULT_PHRASES, FUND_AID_PHRASES].flatMap((phrases) => Object.values(phrases))
  for (const label of labels) {
    expect(checkTemplateData({ phrase1: { value: label } })).toBeNull()
  }
})

test('field keys carry their WeChat type, and only types the builders handle', () => {
  for (const kind of NOTIFY_KIND_NAMES) {
    for (const key of Object.keys(NOTIFY_KINDS[kind].fields)) {
      expect(['thing', 'phrase', 'time', 'date']).toContain(key.replace(/\d+$/, ''))
    }
  }
})

test('a thing keeps what fits and marks a cut with "…" inside the 20 characters', () => {
  expect(thing('帮忙换楼道灯泡', '红心愿')).toBe('帮忙换楼道灯泡')
  expect(thing(LONG, '红心愿')).toBe(`${Array.from(LONG).slice(0, 19).join('')}…`)
  expect(thing('  ', '红心愿')).toBe('红心愿')
  expect(thing('🎂生日\n快乐', '红心愿')).toBe('生日 快乐')
})

test('times and dates read in China time, in the documented form', () => {
  const data = templateData('wish_update', { wishId: 'w1', wishTitle: '陪我去医院', action: 'takeDown', at: new Date('2026-11-23T16:05:00.000Z') })
  expect(data).toEqual({ thing1: { value: '陪我去医院' }, phrase2: { value: '已下架' }, time3: { value: '2026年11月24日 00:05' } })
  expect(templateData('cert_reminder', { number: 'JHY1', validUntil: '2026-01-05' }).date2).toEqual({ value: '2026年1月5日' })
})

/** Pages of the app: main package pages and subpackage root + page. */
async function appPages(): Promise<Set<string>> {
  Object.assign(globalThis, { defineAppConfig: <T>(config: T) => config })
  const config = (await import('../../app.config')).default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
  return new Set([...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))])
}

/** The query each page needs: detail pages read `id`; the others show the person's own record. */
const QUERY: { [K in NotifyKind]: (payload: NotifyPayloads[K]) => string | undefined } = {
  member_review: () => undefined,
  volunteer_review: () => undefined,
  wish_update: (p) => `id=${p.wishId}`,
  aed_alert: (p) => `id=${p.aedId}`,
  aed_report: (p) => `id=${p.aedId}`,
  cert_reminder: () => undefined,
  training_signup: () => undefined,
  training_result: () => undefined,
  staff_todo: () => undefined,
  activity_cancelled: (p) => `id=${p.activityId}`,
  activity_reminder: (p) => `id=${p.activityId}`,
  checkin_result: (p) => `id=${p.activityId}`,
  hours_credited: () => undefined,
  fund_aid: (p) => `id=${p.aidId}`,
  rescue_alert: (p) => `id=${p.alertId}`,
}

test('every message opens a real page, with the id that page reads', async () => {
  const pages = await appPages()
  each((kind, payload) => {
    const [path, query] = NOTIFY_KINDS[kind].page(payload).split('?')
    expect(pages).toContain(path)
    expect(query).toBe(QUERY[kind](payload))
  })
})

test('every kind has its own local template id', () => {
  const ids = NOTIFY_KIND_NAMES.map((kind) => NOTIFY_KINDS[kind].templateId)
  expect(new Set(ids).size).toBe(ids.length)
})

test('essential kinds: review and exam results, a wish\'s steps (a released claim among them), AED safety, a cancelled activity and its hours, an aid request\'s steps', () => {
  expect(NOTIFY_KIND_NAMES.filter((kind) => NOTIFY_KINDS[kind].essential).sort()).toEqual([
    'activity_cancelled', 'aed_alert', 'checkin_result', 'fund_aid', 'hours_credited', 'member_review', 'rescue_alert', 'training_result', 'volunteer_review', 'wish_update',
  ])
})

// 民政部令第67号 2020 (谁记录谁证明): what staff record for a volunteer, the volunteer is told, with the sign of a correction.
test('the hours message says how many hours and for what', () => {
  expect(NOTIFY_KINDS.hours_credited.body({ source: 'wish', title: '换灯泡', hours: 1, serviceDate: '2026-11-30', at: TIMES[0] })).toBe('红心愿「换灯泡」的服务时长已由工作人员核定，记入志愿服务时长1小时（服务日期 2026-11-30）。')
  expect(NOTIFY_KINDS.hours_credited.body({ source: 'correction', title: '重复记录', hours: -2, serviceDate: '2026-11-30', at: TIMES[0] })).toContain('-2小时')
  expect(templateData('hours_credited', { source: 'correction', title: '补记', hours: 1.5, serviceDate: '2026-11-30', at: TIMES[0] }).thing3.value).toBe('志愿时长+1.5小时')
})

test('the inbox tells the reason of a rejection and the wish step in words', () => {
  expect(NOTIFY_KINDS.member_review.body({ approved: false, reason: '身份证照片不清晰', reviewedAt: TIMES[0] })).toContain('身份证照片不清晰')
  expect(NOTIFY_KINDS.wish_update.body({ wishId: 'w', wishTitle: '换灯泡', action: 'takeDown', note: '重复发布', at: TIMES[0] })).toBe('心愿「换灯泡」被工作人员下架：重复发布')
})
