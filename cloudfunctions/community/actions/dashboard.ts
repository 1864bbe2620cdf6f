import { communityInputs, type DashboardQueue } from '@/domain/community/contract'
import type { CommunityRef } from '@/domain/community/types'
import { _, collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { countLessonDrafts, QUEUE_COUNTS } from '../queues'

/**
 * 工作台: every queue's count for the caller's communities (as staff; the district sees all of
 * its district's), in one call. The communities are read once; then every count runs at once,
 * one request per queue, so the call takes about one request's time whatever the data size.
 */
export const dashboard = action({
  input: communityInputs.dashboard,
  audience: ['staff', 'editor', 'district'],
  async handler(_input, ctx) {
    const user = await ctx.user()
    const staffIds = user.roles.includes('staff') ? user.staffCommunityIds : []
    const districts = user.roles.includes('district') ? user.districts ?? [] : []
    const communities = db.collection(collections.communities)
    const criteria = districts.length > 0 ? _.or([{ _id: _.in(staffIds) }, { district: _.in(districts) }]) : { _id: _.in(staffIds) }
    const { data } = staffIds.length + districts.length > 0 ? await communities.where(criteria).field({ name: true }).limit(100).get<CommunityRef>() : { data: [] }
    const scope = data.map((c) => c._id)
    const queues = scope.length > 0 ? (Object.keys(QUEUE_COUNTS) as Array<keyof typeof QUEUE_COUNTS>) : []
    const isEditor = user.roles.includes('editor')
    const [counts, drafts] = await Promise.all([Promise.all(queues.map((queue) => QUEUE_COUNTS[queue](scope))), isEditor ? countLessonDrafts() : Promise.resolve(null)])
    const result: Partial<Record<DashboardQueue, number>> = Object.fromEntries(queues.map((queue, i) => [queue, counts[i]]))
    if (drafts !== null) result.lessonDrafts = drafts
    return { communities: data.map(({ _id, name }) => ({ _id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh')), counts: result }
  },
  audit: 'read',
})
