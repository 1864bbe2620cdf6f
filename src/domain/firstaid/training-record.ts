import type { SignupStatus } from './training'

export type RecordedStatus = 'attended' | 'passed' | 'failed'

/** What a sign-up must be before staff may record each step: attendance first, then the result. */
const RECORDABLE_FROM: Record<RecordedStatus, SignupStatus> = { attended: 'signed', passed: 'attended', failed: 'attended' }

export type RecordDecision = { ok: true; from: SignupStatus; repeat: boolean } | { ok: false; message: string }

/**
 * Whether staff may record `next` on a sign-up now: nothing before the session's day, attendance
 * only for someone signed up, a result only for someone who attended. Recording the same step again
 * is allowed (a retried request) so the certificate of a retried "passed" is still returned.
 */
export function decideRecord(current: SignupStatus, next: RecordedStatus, sessionDate: string, today: string): RecordDecision {
  if (today < sessionDate) return { ok: false, message: `培训在 ${sessionDate} 举行，当天或之后才能记录出勤和结果` }
  if (current === next) return { ok: true, from: current, repeat: true }
  if (current === RECORDABLE_FROM[next]) return { ok: true, from: current, repeat: false }
  if (next === 'attended') return { ok: false, message: current === 'cancelled' ? '此人已取消报名' : '已记录过出勤' }
  return { ok: false, message: current === 'signed' ? '请先记录出勤，再记录考核结果' : '考核结果已记录，不能再更改' }
}

/** Whether the caller may still sign up for a session, given their sign-up (if any). */
export const canSignUp = (mine: SignupStatus | null) => mine === null || mine === 'cancelled'
