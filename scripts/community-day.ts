import { ALERT_BEACON } from '../src/domain/rescue/beacon'
import { LESSON_LIBRARY } from '../cloudfunctions/lesson/library'
import { clientRead } from '../localcloud/backend/client-read'
import { ownedId } from '../cloudfunctions/_kit/ids'
import type { LocalCloud } from '../localcloud/server'

/**
 * One day of a station the size of 大渡社区 (the seeds' 3.0 station: 6,332 households, 920 online
 * volunteers), as the functions see it. Assumptions, per day, chosen from the seeds' figures and
 * written here so they can be argued with:
 * - 2,000 app opens (one in three households) by 400 people, each one call (`user.open`) that
 *   answers 首页 (the person, the community's live section), the tab badge (unread count) and,
 *   at a person's first open of the day, the subscription templates (the device keeps them for a
 *   day); 我的 and the badge reuse that answer;
 * - 600 views of the 红心愿 wall (page 1) and 100 wish details;
 * - 20 wishes posted, claimed, fulfilled and confirmed, and their hours approved by staff;
 * - 300 lesson readings (the lesson, and one record of the sections read when the reader leaves) and 50 quizzes;
 * - 200 AED look-ups near the community;
 * - 5 activities, each with 40 sign-ups, check-ins and check-outs, and the organiser confirming the roster;
 * - 50 inbox views;
 * - 30 staff decisions (volunteer registrations approved);
 * - one 紧急呼 alert near the station: 3 responders accept and 2 decline, each opens the alert, one
 *   reports arriving, the raiser closes it and the accepters debrief;
 * - 20 on-duty responders (of the station's certified volunteers) with the app in front 5 minutes a
 *   day each: the app looks for alerts every 5 s while it is in front (#22), 60 looks each, each a
 *   direct read of the public count of alerts sent, asking the function only when it moved;
 * - 24 hours of timers (the scheduler every 5 minutes).
 */
export const DAY = {
  opens: 2000,
  people: 400,
  wallViews: 600,
  wishDetails: 100,
  wishes: 20,
  lessonReads: 300,
  quizzes: 50,
  aedLookups: 200,
  activities: 5,
  signupsPerActivity: 40,
  inboxViews: 50,
  staffDecisions: 30,
  responders: 20,
  accepters: 3,
  decliners: 2,
  looksPerResponder: 60,
} as const

const DADU = { latitude: 30.0656, longitude: 120.5068, address: '大渡社区博爱家园' }
const MINUTE = 60_000

type Envelope = { ok: boolean; code?: string; message?: string; data?: unknown }

/** A resident, volunteer or staff member using the app: the function's answer, failing loudly when refused. */
async function use(cloud: LocalCloud, fn: string, openid: string, event: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = (await cloud.functions.invoke(fn, event, openid)) as Envelope
  if (!answer.ok) throw new Error(`${fn}.${String(event.action)} as ${openid} failed in the community day: ${answer.code} ${answer.message}`)
  return (answer.data ?? {}) as Record<string, unknown>
}

const resident = (i: number) => `day-resident-${i % DAY.people}`
const volunteer = (i: number) => `day-volunteer-${i}`
/** The on-duty responders are among the active volunteers. */
const responder = (i: number) => volunteer(i)

/** The people of the day, as earlier days left them: residents who opened the app before, active volunteers of 大渡. */
function moveIn(cloud: LocalCloud): void {
  const now = new Date()
  const person = (_id: string, roles: string[]) => ({ _id, displayName: '居民', roles, homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: now })
  cloud.store.insert('users', Array.from({ length: DAY.people }, (_unused, i) => person(resident(i), [])))
  const volunteers = Array.from({ length: DAY.signupsPerActivity }, (_unused, i) => volunteer(i))
  cloud.store.insert('users', volunteers.map((id) => person(id, ['volunteer'])))
  cloud.store.insert('volunteers', volunteers.map((openid, i) => ({ _id: ownedId('vo', openid), openid, status: 'active', name: `志愿者${i}`, phone: '13800000000', communityId: 'dadu', skills: ['维修'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: now })))
}

/** The station's on-duty responders: certified volunteers enrolled for 紧急呼 around the station. */
async function enrolResponders(cloud: LocalCloud): Promise<void> {
  const certificate = (openid: string) => ({ _id: `day-ce-${openid}`, openid, number: `JHY-${openid}`, issuer: '绍兴市红十字会', name: '志愿者', issuedOn: '2026-01-01', validUntil: '2099-12-31', sessionId: 'day', sessionTitle: '救护员培训', remindedOn: null })
  const openids = Array.from({ length: DAY.responders }, (_unused, i) => responder(i))
  cloud.store.insert('certificates', openids.map(certificate))
  for (const openid of openids) await use(cloud, 'rescue', openid, { action: 'enrol', consent: true, areas: [{ label: '家', latitude: DADU.latitude, longitude: DADU.longitude }] })
}

/** Moves an activity in time (the day passes): it started `ago` minutes ago and lasts `length`. */
function shift(cloud: LocalCloud, activityId: string, ago: number, length: number): void {
  const startAt = new Date(Date.now() - ago * MINUTE)
  const endAt = new Date(startAt.getTime() + length * MINUTE)
  cloud.store.update('activities', { _id: activityId }, { $set: { startAt, endAt, signupDeadline: startAt } })
  cloud.store.update('activitySignups', { activityId }, { $set: { startAt, endAt } })
}

async function wishes(cloud: LocalCloud): Promise<void> {
  for (let i = 0; i < DAY.wishes; i++) {
    const owner = resident(i)
    const { _id: wishId } = await use(cloud, 'wish', owner, {
      action: 'create', title: '帮忙换楼道灯泡', content: '3幢2单元楼道的灯坏了，晚上下楼不方便，希望有人帮忙换一下。', category: '生活帮扶', communityId: 'dadu', images: [], contactPhone: '13957500088',
    })
    await use(cloud, 'wish', volunteer(i), { action: 'claim', wishId })
    await use(cloud, 'wish', volunteer(i), { action: 'fulfil', wishId, note: '已经帮忙换好了灯泡。', photos: [], minutes: 60 })
    await use(cloud, 'wish', owner, { action: 'confirm', wishId, thanks: '谢谢！' })
    await use(cloud, 'wish', 'demo-staff', { action: 'approveHours', wishId, decision: 'approve' })
  }
  const { items } = (await use(cloud, 'wish', resident(0), { action: 'list', communityId: 'dadu', page: 1, pageSize: 10 })) as { items: Array<{ _id: string }> }
  for (let i = 0; i < DAY.wallViews; i++) await use(cloud, 'wish', resident(i), { action: 'list', ...(i % 2 ? { communityId: 'dadu' } : {}), page: 1, pageSize: 10 })
  for (let i = 0; i < DAY.wishDetails; i++) await use(cloud, 'wish', resident(i), { action: 'get', wishId: items[i % items.length]._id })
}

async function learning(cloud: LocalCloud): Promise<void> {
  for (let i = 0; i < DAY.lessonReads; i++) {
    const { _id: lessonId, sections } = LESSON_LIBRARY[i % LESSON_LIBRARY.length]
    await use(cloud, 'lesson', resident(i), { action: 'get', lessonId })
    await use(cloud, 'lesson', resident(i), { action: 'progress', lessonId, sections: sections.map((_unused, n) => n), lastSection: sections.length - 1 })
  }
  for (let i = 0; i < DAY.quizzes; i++) {
    const { _id: lessonId, quiz } = LESSON_LIBRARY[i % LESSON_LIBRARY.length]
    await use(cloud, 'lesson', resident(i), { action: 'submitQuiz', lessonId, answers: Object.fromEntries(quiz.map((q) => [q.id, q.answer])) })
  }
}

async function activities(cloud: LocalCloud): Promise<void> {
  for (let a = 0; a < DAY.activities; a++) {
    const inMinutes = (m: number) => new Date(Date.now() + m * MINUTE).toISOString()
    const { _id: activityId } = await use(cloud, 'activity', 'demo-staff', {
      action: 'create', title: `社区义诊志愿服务${a + 1}`, type: 'clinic', description: '协助医生为老人量血压、测血糖，维持现场秩序。', communityId: 'dadu', location: DADU,
      startAt: inMinutes(20), endAt: inMinutes(140), signupDeadline: inMinutes(10), capacity: DAY.signupsPerActivity, hours: 2,
    })
    for (let i = 0; i < DAY.signupsPerActivity; i++) await use(cloud, 'activity', volunteer(i), { action: 'signup', activityId })
    shift(cloud, String(activityId), 10, 120)
    for (let i = 0; i < DAY.signupsPerActivity; i++) await use(cloud, 'activity', volunteer(i), { action: 'checkIn', activityId, latitude: DADU.latitude, longitude: DADU.longitude })
    shift(cloud, String(activityId), 121, 120)
    for (let i = 0; i < DAY.signupsPerActivity; i++) await use(cloud, 'activity', volunteer(i), { action: 'checkOut', activityId, latitude: DADU.latitude, longitude: DADU.longitude })
    // The signup ids are `<activityId>:<openid>` (activity/activities.ts).
    const signupIds = Array.from({ length: DAY.signupsPerActivity }, (_unused, i) => `${String(activityId)}:${volunteer(i)}`)
    await use(cloud, 'activity', 'demo-staff', { action: 'confirmAttendance', activityId, signupIds })
  }
}

async function staffDecisions(cloud: LocalCloud): Promise<void> {
  for (let i = 0; i < DAY.staffDecisions; i++) {
    const applicant = `day-applicant-${i}`
    const { _id: volunteerId } = await use(cloud, 'volunteer', applicant, { action: 'register', name: '周敏', phone: '13857500009', communityId: 'gangyue', skills: ['陪伴聊天'], availability: ['sat-am'], birthYear: 1968 })
    await use(cloud, 'volunteer', 'demo-staff', { action: 'review', volunteerId, decision: 'approve' })
  }
}

/** One 紧急呼 near the station, answered by the nearby on-duty responders; their app's looks for alerts while it is in front. */
async function rescue(cloud: LocalCloud): Promise<void> {
  const { alertId } = (await use(cloud, 'rescue', resident(1), { action: 'raise', latitude: DADU.latitude, longitude: DADU.longitude, kind: 'cardiac_arrest', called120: true, requestId: 'day-alert' })) as { alertId: string }
  for (let i = 0; i < DAY.accepters + DAY.decliners; i++) {
    await use(cloud, 'rescue', responder(i), { action: 'get', alertId })
    await use(cloud, 'rescue', responder(i), { action: 'respond', alertId, answer: i < DAY.accepters ? 'accept' : 'decline' })
  }
  await use(cloud, 'rescue', responder(0), { action: 'progress', alertId, step: 'arrived' })
  await use(cloud, 'rescue', resident(1), { action: 'close', alertId, outcome: 'ems_arrived' })
  for (let i = 0; i < DAY.accepters; i++) await use(cloud, 'rescue', responder(i), { action: 'debrief', alertId, arrivedBefore120: i === 0, cprGiven: i === 0, aedUsed: false })
  // Their apps in front: each look reads the count of alerts sent directly (a read, no function
  // call); the app asks the function at this look and the next when it comes to the front and
  // when the count has moved (src/hooks/use-rescue-watch.ts).
  const seen = new Map<string, unknown>()
  const asks = new Map<string, number>()
  for (let look = 0; look < DAY.looksPerResponder; look++) {
    for (let i = 0; i < DAY.responders; i++) {
      const read = clientRead(cloud.store, cloud.usage, { ...ALERT_BEACON })
      const sent = read.status === 200 ? read.body.data?.sent : undefined
      if (!seen.has(responder(i)) || seen.get(responder(i)) !== sent) asks.set(responder(i), 2)
      seen.set(responder(i), sent)
      const left = asks.get(responder(i)) ?? 0
      if (left === 0) continue
      asks.set(responder(i), left - 1)
      await use(cloud, 'rescue', responder(i), { action: 'pending' })
    }
  }
}

/** Runs the scheduler's timer for a whole China day, every 5 minutes (its cron). */
export async function timersForADay(cloud: LocalCloud): Promise<void> {
  const midnight = Date.parse('2026-12-03T16:00:00Z') // 00:00 in China
  for (let minute = 0; minute < 24 * 60; minute += 1) {
    const at = new Date(midnight + minute * MINUTE)
    for (const { functionName, trigger } of cloud.functions.firingTimers(at)) {
      await cloud.functions.invoke(functionName, { Type: 'Timer', TriggerName: trigger, Time: at.toISOString() }, '')
    }
  }
}

/** The busy day; `cloud.usage` meters it in CloudBase's units (reset once the people have moved in). */
export async function communityDay(cloud: LocalCloud): Promise<void> {
  moveIn(cloud)
  await enrolResponders(cloud)
  cloud.usage.reset()
  for (let i = 0; i < DAY.opens; i++) {
    await use(cloud, 'user', resident(i), { action: 'open', templates: i < DAY.people })
  }
  await wishes(cloud)
  await learning(cloud)
  for (let i = 0; i < DAY.aedLookups; i++) await use(cloud, 'aed', resident(i), { action: 'nearby', latitude: DADU.latitude + (i % 10) / 1000, longitude: DADU.longitude, limit: 10 })
  await activities(cloud)
  for (let i = 0; i < DAY.inboxViews; i++) await use(cloud, 'notify', volunteer(i % DAY.signupsPerActivity), { action: 'inbox', page: 1, pageSize: 20 })
  await staffDecisions(cloud)
  await rescue(cloud)
  await timersForADay(cloud)
}
