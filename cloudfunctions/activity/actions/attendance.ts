import type { AttendanceRow } from '@/domain/activity/contract'
import { activityInputs } from '@/domain/activity/contract'
import { collections, db, _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { requireActivity, signups, toMySignup, type SignupDoc } from '../activities'
import { readPage } from '../../_kit/pages'

type VolunteerRef = { _id: string; openid: string; name: string; phone: string }

export async function toRows(docs: SignupDoc[]): Promise<AttendanceRow[]> {
  const openids = docs.map((s) => s.openid)
  const { data } = openids.length ? await db.collection(collections.volunteers).where({ openid: _.in(openids) }).get<VolunteerRef>() : { data: [] as VolunteerRef[] }
  const byOpenid = new Map(data.map((v) => [v.openid, v]))
  return docs.map((s) => ({
    ...toMySignup(s),
    signupId: s._id,
    volunteerId: byOpenid.get(s.openid)?._id ?? '',
    name: byOpenid.get(s.openid)?.name ?? '',
    phone: byOpenid.get(s.openid)?.phone ?? '',
    checkInMethod: s.checkInMethod,
  }))
}

/** The attendance sheet: every sign-up in order, with times, hours and 补签 requests. Staff of the community. */
export const attendance = action({
  input: activityInputs.attendance,
  audience: ['staff'],
  audit: 'read',
  async handler({ activityId, page, pageSize }, ctx) {
    const doc = await requireActivity(activityId)
    await ctx.requireStaffOf(doc.communityId)
    const { docs, hasMore } = await readPage<SignupDoc>(signups().where({ activityId }).orderBy('signedUpAt', 'asc'), page, pageSize)
    return { items: await toRows(docs), hasMore, page, pageSize }
  },
})
