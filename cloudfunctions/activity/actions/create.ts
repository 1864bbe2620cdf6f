import { activityInputs } from '@/domain/activity/contract'
import { DEFAULT_CHECK_IN_RADIUS_METERS } from '@/domain/activity/rules'
import { collections, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { toView, type ActivityDoc } from '../activities'
import { newCodeSecret } from '../code'

/** Staff of a community publish an activity there; residents will read its title and text. */
export const create = action({
  input: activityInputs.create,
  audience: ['staff'],
  async handler(input, ctx) {
    const staff = await ctx.requireStaffOf(input.communityId)
    const community = await requireCommunity(input.communityId)
    await requirePassingText(ctx.openid, `${input.title}\n${input.description}\n${input.location.address}`)
    const doc: Omit<ActivityDoc, '_id'> = {
      title: input.title,
      type: input.type,
      description: input.description,
      communityId: community._id,
      communityName: community.name,
      organiserOpenid: ctx.openid,
      organiserName: staff.displayName,
      location: input.location,
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      signupDeadline: new Date(input.signupDeadline),
      capacity: input.capacity,
      placesLeft: input.capacity,
      seats: {},
      hours: input.hours,
      checkInRadiusMeters: input.checkInRadiusMeters ?? community.checkInRadiusMeters ?? DEFAULT_CHECK_IN_RADIUS_METERS,
      minCoverage: input.minCoverage,
      requiresCertificate: input.requiresCertificate,
      adultsOnly: input.adultsOnly,
      insurance: input.insurance,
      status: 'open',
      cancelReason: null,
      codeSecret: newCodeSecret(),
      createdAt: new Date(),
    }
    const { _id } = await db.collection(collections.activities).add({ data: doc })
    return toView({ ...doc, _id: String(_id) }, { signup: null, manageable: true })
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `发布活动：${out.title}`, key: out._id }),
})
