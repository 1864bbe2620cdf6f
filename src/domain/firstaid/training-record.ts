import type { SignupStatus } from './training'

export type RecordedStatus = 'attended' | 'passed' | 'failed'

/** What a sign-up must be before staff may record each step: attendance first, then the result. */
const RECORDABLE_FROM: Record<RecordedStatus, SignupStatus> = { attended: 'signed', passed: 'attended', failed: 'attended' }

export type RecordDecision = { ok: true; from: SignupStatus; repeat: boolean } | { ok: false; message: string }

/** The days a course runs: attendance from the first, the exam result only from the last. */
export type CourseDays = { first: string; last: string }

/** A stored session's days (one whose course days were not recorded ran on its `date` alone). */
export const courseDaysOf = (session: { date: string; dates?: readonly string[] }): CourseDays => {
  const dates = session.dates?.length ? session.dates : [session.date]
  return { first: dates[0], last: dates[dates.length - 1] }
}

/**
 * Whether staff may record `next` on a sign-up now: nothing before the course starts, attendance
 * only for someone signed up, a result only for someone who attended and only from the last course
 * day (the exam ends the course: a two-day course has no result on day 1). Recording the same step
 * again is allowed (a retried request).
 */
export function decideRecord(current: SignupStatus, next: RecordedStatus, days: CourseDays, today: string): RecordDecision {
  if (today < days.first) return { ok: false, message: `培训在 ${days.first} 开始，当天或之后才能记录出勤` }
  if (next !== 'attended' && today < days.last) return { ok: false, message: `考核在最后一天（${days.last}）培训结束后进行，当天或之后才能记录考核结果` }
  if (current === next) return { ok: true, from: current, repeat: true }
  if (current === RECORDABLE_FROM[next]) return { ok: true, from: current, repeat: false }
  if (next === 'attended') return { ok: false, message: current === 'cancelled' ? '此人已取消报名' : '已记录过出勤' }
  return { ok: false, message: current === 'signed' ? '请先记录出勤，再记录考核结果' : '考核结果已记录，不能再更改' }
}

/** Whether the caller may still sign up for a session, given their sign-up (if any). */
export const canSignUp = (mine: SignupStatus | null) => mine === null || mine === 'cancelled'
