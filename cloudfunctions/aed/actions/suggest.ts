import { aedInputs } from '@/domain/aed/contract'
import { haversineMeters } from '@/domain/geo'
import type { Community } from '@/domain/community/types'
import { collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { aeds, point } from '../aeds'

/**
 * 新增AED: a resident's suggestion, hidden until staff of the nearest community verify it. What a
 * resident cannot know (hours, placement, expiry dates, how to get it) stays empty until then.
 */
export const suggest = action({
  input: aedInputs.suggest,
  audience: 'anyone',
  async handler(input, ctx) {
    const user = await ctx.user()
    const { data: communities } = await db.collection(collections.communities).get<Community>()
    const nearest = communities.sort((a, b) => haversineMeters(input, a.location) - haversineMeters(input, b.location))[0]
    const { _id } = await aeds().add({
      data: {
        name: input.name,
        communityId: nearest?._id ?? '',
        location: point(input.latitude, input.longitude),
        address: input.address,
        landmark: input.landmark,
        placement: null,
        floor: '',
        hours: null,
        accessNotes: '',
        accessPhone: null,
        model: '',
        guardianOrg: '',
        guardianOpenid: null,
        padsExpiry: null,
        batteryExpiry: null,
        lastInspection: null,
        status: 'unknown',
        verified: false,
        photo: input.photo ?? null,
        history: [{ at: db.serverDate(), event: '居民建议新增，待工作人员核实', by: ctx.openid, byName: user.displayName, ...(input.note ? { note: input.note } : {}) }],
        createdAt: db.serverDate(),
      },
    })
    return { aedId: _id }
  },
})
