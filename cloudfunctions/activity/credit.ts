import { coverage, servedHours } from '@/domain/activity/attendance'
import { ACTIVITY_TYPE_LABELS } from '@/domain/activity/rules'
import { formatChinaDate } from '@/domain/dates'
import { ledgerEntryId } from '@/domain/volunteer/ledger'
import { credit, type CreditOptions } from '../_kit/ledger'
import { notify } from '../_kit/notify'
import type { ActivityDoc, SignupDoc } from './activities'

/** Coverage and hours of an attended span, as stored on the sign-up when it is checked out. */
export function attendanceResult(doc: ActivityDoc, checkedInAt: Date, checkedOutAt: Date): { coverage: number; creditedHours: number } {
  const covered = coverage(doc, checkedInAt, checkedOutAt)
  return { coverage: Math.round(covered * 1000) / 1000, creditedHours: servedHours(doc, checkedInAt, checkedOutAt) }
}

/**
 * Credits a confirmed sign-up through the ledger (one entry per activity and person, whether by
 * the organiser's roster confirmation or by 补签) — safe to run again: the ledger adds nothing twice.
 */
export async function creditSignup(doc: ActivityDoc, signup: SignupDoc, by: { openid: string; name: string }, source: 'activity' | 'makeup', options: CreditOptions = {}): Promise<void> {
  if (signup.creditedHours <= 0) return
  await credit({
    _id: ledgerEntryId.activity(doc._id, signup.openid),
    openid: signup.openid,
    source,
    sourceId: doc._id,
    title: doc.title,
    hours: signup.creditedHours,
    reason: source === 'makeup' ? '补签已通过' : `出勤${Math.round((signup.coverage ?? 0) * 100)}%，组织者已确认`,
    communityId: doc.communityId,
    creditedBy: by.openid,
    creditedByName: by.name,
    // 民政部令第67号 2020 第八条: the record names the day served, the place and what was done.
    serviceFrom: formatChinaDate(doc.startAt),
    serviceDate: formatChinaDate(doc.startAt),
    place: doc.location.address,
    content: `${ACTIVITY_TYPE_LABELS[doc.type]}：${doc.title}`,
  }, options)
}

/** What the volunteer is told of a sign-up's result. */
export const resultOf = (doc: ActivityDoc, signup: SignupDoc) => ({ activityId: doc._id, title: doc.title, hours: signup.creditedHours, credited: signup.creditedHours > 0, at: signup.checkedOutAt ?? new Date() })

/** Tells the volunteer the result, once: only the call that made the change sends it. */
export async function tellResult(doc: ActivityDoc, signup: SignupDoc): Promise<void> {
  await notify(signup.openid, 'checkin_result', resultOf(doc, signup))
}
