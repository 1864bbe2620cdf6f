import { aedInputs } from '@/domain/aed/contract'
import { todayInChina } from '@/domain/dates'
import { haversineMeters } from '@/domain/geo'
import type { Community } from '@/domain/community/types'
import { collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { aeds, point } from '../aeds'

/** 新增AED: a resident's suggestion, hidden until staff of the nearest community verify it. */
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
        placement: 'outdoor',
        floor: '',
        hours: { always: true },
        accessNotes: input.note,
        model: '',
        guardianOrg: '',
        guardianOpenid: null,
        padsExpiry: todayInChina(),
        batteryExpiry: todayInChina(),
        lastInspection: null,
        status: 'unknown',
        verified: false,
        photo: input.photo ?? null,
        history: [{ at: db.serverDate(), event: '居民建议新增，待工作人员核实', by: ctx.openid, byName: user.displayName }],
        createdAt: db.serverDate(),
      },
    })
    return { aedId: _id }
  },
})
