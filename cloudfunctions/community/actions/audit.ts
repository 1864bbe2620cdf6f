import type { AuditEntry } from '@/domain/audit/contract'
import { auditInputs } from '@/domain/audit/contract'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { auditLog, districtScope, LIBRARY_SCOPE, type AuditDoc } from '../../_kit/audit'
import { action } from '../../_kit/define-function'
import { districtCommunities } from '../../_kit/district'
import { adminCommunityIds } from '../admin'
import { readPage } from '../../_kit/pages'

const toEntry = (doc: AuditDoc): AuditEntry => ({
  _id: doc._id,
  at: doc.at.toISOString(),
  actorName: doc.actorName,
  what: `${doc.fn}.${doc.action}`,
  communityId: doc.communityId,
  target: doc.target,
  summary: doc.summary,
})

/**
 * 操作记录: the audit trail, newest first. An admin reads their communities'; the 区红十字会 reads
 * every community of its districts and its own district-level entries; editors and the district
 * read the lesson library's. Reading the trail is itself not recorded (it reveals no one's personal
 * data: summaries carry ids, not residents' names).
 */
export const audit = action({
  input: auditInputs.audit,
  audience: ['staff', 'district', 'editor'],
  audit: 'read',
  async handler({ communityId, page, pageSize }, ctx) {
    const user = await ctx.user()
    const districts = user.roles.includes('district') ? (user.districts ?? []) : []
    const ofDistricts = districts.length ? (await districtCommunities(user)).map((c) => c._id) : []
    const readable = new Set([...adminCommunityIds(user), ...ofDistricts])
    const library = user.roles.includes('editor') || districts.length > 0 ? [LIBRARY_SCOPE] : []
    let scopes: string[]
    if (communityId) {
      if (!readable.has(communityId)) throw new AppError('FORBIDDEN', '只有本社区的管理员或区红十字会可以查看操作记录')
      scopes = [communityId]
    } else {
      scopes = [...readable, ...districts.map(districtScope), ...library]
    }
    if (scopes.length === 0) return { items: [], hasMore: false, page, pageSize }
    const where = { scope: _.in(scopes) }
    const { docs: data, hasMore } = await readPage<AuditDoc>(auditLog().where(where).orderBy('at', 'desc'), page, pageSize)
    return { items: data.map(toEntry), hasMore, page, pageSize }
  },
})
