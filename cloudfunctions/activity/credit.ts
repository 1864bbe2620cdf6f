import { coverage, creditedHours } from '@/domain/activity/attendance'
import { ledgerEntryId } from '@/domain/volunteer/ledger'
import { credit } from '../_kit/ledger'
import { notify } from '../_kit/notify'
import type { ActivityDoc, SignupDoc } from './activities'

/** Coverage and hours of an attended span, as stored on the sign-up when it is checked out. */
export function attendanceResult(doc: ActivityDoc, checkedInAt: Date, checkedOutAt: Date): { coverage: number; creditedHours: number } {
  const covered = coverage(doc, checkedInAt, checkedOutAt)
  return { coverage: Math.round(covered * 1000) / 1000, creditedHours: creditedHours(doc.hours, covered, doc.minCoverage) }
}

/**
 * Credits a checked-out sign-up through the ledger (one entry per activity and person, whether by
 * check-out or by 补签) — safe to run again: the ledger adds nothing twice.
 */
export async function creditSignup(doc: ActivityDoc, signup: SignupDoc, by: { openid: string; name: string }, source: 'activity' | 'makeup'): Promise<void> {
  if (signup.creditedHours <= 0) return
  await credit({
    _id: ledgerEntryId.activity(doc._id, signup.openid),
    openid: signup.openid,
    source,
    sourceId: doc._id,
    title: doc.title,
    hours: signup.creditedHours,
    reason: source === 'makeup' ? '补签已通过' : `出勤${Math.round((signup.coverage ?? 0) * 100)}%`,
    communityId: doc.communityId,
    creditedBy: by.openid,
    creditedByName: by.name,
  })
}

/** Tells the volunteer the result, once: only the call that made the change sends it. */
export async function tellResult(doc: ActivityDoc, signup: SignupDoc): Promise<void> {
  await notify(signup.openid, 'checkin_result', { activityId: doc._id, title: doc.title, hours: doc.hours, credited: signup.creditedHours > 0, at: signup.checkedOutAt ?? new Date() })
}
