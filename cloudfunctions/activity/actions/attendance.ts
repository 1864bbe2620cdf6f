import type { AttendanceRow } from '@/domain/activity/contract'
import { activityInputs } from '@/domain/activity/contract'
import { collections, db, _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { requireActivity, signups, toMySignup, type SignupDoc } from '../activities'
import { readPage } from '../../_kit/pages'

export type VolunteerRef = { _id: string; openid: string; name: string; phone: string }

/** The volunteers of these sign-ups, by openid, in one read. */
export async function volunteersOf(openids: string[]): Promise<Map<string, VolunteerRef>> {
  if (openids.length === 0) return new Map()
  const { data } = await db.collection(collections.volunteers).where({ openid: _.in(openids) }).limit(openids.length).get<VolunteerRef>()
  return new Map(data.map((v) => [v.openid, v]))
}

/** A roster row: the sign-up and who it is. */
export const toRow = (s: SignupDoc, volunteer: VolunteerRef | undefined): AttendanceRow => ({
  ...toMySignup(s),
  signupId: s._id,
  volunteerId: volunteer?._id ?? '',
  name: volunteer?.name ?? '',
  phone: volunteer?.phone ?? '',
  checkInMethod: s.checkInMethod,
})

export async function toRows(docs: SignupDoc[]): Promise<AttendanceRow[]> {
  const byOpenid = await volunteersOf(docs.map((s) => s.openid))
  return docs.map((s) => toRow(s, byOpenid.get(s.openid)))
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
