import crypto from 'node:crypto'
import { activityInputs } from '@/domain/activity/contract'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { notifyEach } from '../../_kit/notify'
import { mapWithCap } from '../../_kit/parallel'
import { requireActivity, signups, type SignupDoc } from '../activities'
import { creditSignup, resultOf } from '../credit'
import { toRow, volunteersOf } from './attendance'
import { changeKey } from '../../_kit/audit'

/** Credits in flight at once (each a few requests side by side): a roster of 50 in a few waves. */
const CREDITS_AT_ONCE = 10

/**
 * The organiser confirms the roster: the checked-out sign-ups ticked are marked confirmed by one
 * conditional update, then credited (谁记录谁证明: the organisation records the service, 民政部令第67号
 * 2020). Check-in by position or code only says when someone came and went; this is what credits.
 * Safe to retry: confirming again credits nothing twice and tells nobody twice.
 *
 * Its cost grows per person only by what is that person's own: their ledger entry, their totals,
 * their two honour-board rows and their message (each a document of its own, written side by side,
 * a few waves for a roster of 40); the confirmation, the community, the volunteers and the
 * messages' settings are one request each, whatever the roster's size.
 */
export const confirmAttendance = action({
  input: activityInputs.confirmAttendance,
  audience: ['staff'],
  // The activity and the ticked sign-ups, beside the caller's record.
  preload: ({ activityId, signupIds }) =>
    Promise.all([requireActivity(activityId), signups().where({ _id: _.in([...new Set(signupIds)]), activityId }).limit(signupIds.length).get<SignupDoc>()]),
  async handler(_input, ctx, [doc, { data }]) {
    const staff = await ctx.requireStaffOf(doc.communityId)
    if (data.some((s) => s.openid === ctx.openid)) throw new AppError('FORBIDDEN', '不能确认自己的出勤，请由其他工作人员确认')
    const checkedOut = data.filter((s) => s.status === 'checked_out')
    if (checkedOut.length === 0) throw new AppError('CONFLICT', '所选的志愿者还没有签退，签退后才能确认')
    // This call's mark on what it confirms: who confirmed which sign-up, when two confirm at once.
    const mark = { confirmedAt: new Date(), confirmedBy: ctx.openid, confirmRun: crypto.randomUUID() }
    // Unconfirmed: null, or absent on sign-ups from before confirmation (the query's `null` matches both).
    const waiting = checkedOut.filter((s) => !s.confirmedAt)
    // The confirmation, beside what the credits and the rows read: the points rate and the volunteers.
    const [{ stats }, community, people] = await Promise.all([
      waiting.length ? signups().where({ _id: _.in(waiting.map((s) => s._id)), status: 'checked_out', confirmedAt: null }).update({ data: mark }) : { stats: { updated: 0 } },
      requireCommunity(doc.communityId),
      volunteersOf(checkedOut.map((s) => s.openid)),
    ])
    // All confirmed here: the sign-ups are as written. Otherwise a concurrent confirmation took some: read afresh.
    const after: SignupDoc[] =
      stats.updated === waiting.length
        ? checkedOut.map((s) => (s.confirmedAt ? s : { ...s, ...mark }))
        : (await signups().where({ _id: _.in(checkedOut.map((s) => s._id)) }).limit(checkedOut.length).get<SignupDoc>()).data
    const confirmed = after.filter((s) => s.confirmRun === mark.confirmRun)
    const out = { confirmed: confirmed.length, rows: after.map((s) => toRow(s, people.get(s.openid))) }
    const by = { openid: ctx.openid, name: staff.displayName }
    // Each confirmed person credited (a retry finishes what a stopped call left), those confirmed
    // here told once, and the audit entry: side by side.
    await Promise.all([
      mapWithCap(
        after.filter((s) => s.confirmedAt),
        CREDITS_AT_ONCE,
        (s) => creditSignup(doc, s, by, s.checkInMethod === 'makeup' ? 'makeup' : 'activity', { basis: { pointsPerHour: community.pointsPerHour, volunteerName: people.get(s.openid)?.name ?? null }, rowsThere: true }),
      ),
      notifyEach(
        'checkin_result',
        confirmed.filter((s) => s.creditedHours > 0).map((s) => ({ _id: ownedId('cr', s._id), openid: s.openid, payload: resultOf(doc, s) })),
      ),
      ctx.auditAlongside(out),
    ])
    return out
  },
  audit: async (input) => ({ communityId: (await requireActivity(input.activityId)).communityId, target: input.activityId, summary: `确认出勤并记录服务时长（${new Set(input.signupIds).size} 人）`, key: changeKey(input.activityId, [...new Set(input.signupIds)].sort()) }),
})
