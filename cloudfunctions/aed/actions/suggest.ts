import { aedInputs } from '@/domain/aed/contract'
import { todayInChina } from '@/domain/dates'
import { haversineMeters } from '@/domain/geo'
import type { Community } from '@/domain/community/types'
import { collections, db } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { takeSlot } from '../../_kit/rate-limit'
import { requireOwnFiles } from '../../_kit/uploads'
import { aeds, point } from '../aeds'
import { applyEarlyVerdicts, checkedPhoto } from '../../_kit/photo-checks'

/** Suggestions one person may make a day: a missing AED or two, not a flood for staff to check on site. */
export const DAILY_SUGGESTION_LIMIT = 3

/**
 * 新增AED: a resident's suggestion, hidden until staff of the nearest community verify it. What a
 * resident cannot know (hours, placement, expiry dates, how to get it) stays empty until then.
 * Its texts must pass the content check (staff and, once verified, everyone read them); a photo
 * must be the resident's own and stays hidden until its check passes.
 */
export const suggest = action({
  input: aedInputs.suggest,
  audience: 'anyone',
  async handler(input, ctx) {
    requireOwnFiles(ctx.openid, input.photo ? [input.photo] : [])
    await requirePassingText(ctx.openid, [input.name, input.address, input.landmark, input.note].filter(Boolean).join('\n'))
    await takeSlot(`${ownedId('as', ctx.openid)}-${todayInChina()}`, DAILY_SUGGESTION_LIMIT, `每人每天最多建议${DAILY_SUGGESTION_LIMIT}台AED，谢谢您的热心，明天再来吧`)
    const [user, { data: communities }, photo] = await Promise.all([ctx.user(), db.collection(collections.communities).get<Community>(), checkedPhoto(ctx.openid, input.photo)])
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
        photo,
        history: [{ at: new Date(), event: '居民建议新增，待工作人员核实', by: ctx.openid, byName: user.displayName, ...(input.note ? { note: input.note } : {}) }],
        // 我建议的AED finds it by this (index aeds.suggested_by).
        suggestedBy: ctx.openid,
        createdAt: db.serverDate(),
      },
    })
    await applyEarlyVerdicts([photo])
    return { aedId: _id }
  },
})
