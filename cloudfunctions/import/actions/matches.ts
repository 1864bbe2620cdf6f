import { AppError } from '@/domain/errors'
import { importInputs } from '@/domain/import/contract'
import { action } from '../../_kit/define-function'
import { importedPeople } from '../imports'
import { carryOver, findMatches, requireCandidate, requirePerson, takeOverMembership } from '../matches'

/** Imported records someone may have just registered as, for staff to confirm (never linked automatically). */
export const matches = action({
  input: importInputs.matches,
  audience: ['staff'],
  async handler({ communityId }, ctx) {
    return { items: await findMatches(await ctx.staffScope(communityId)) }
  },
  audit: 'read',
})

/**
 * Staff confirm that the person who registered is the imported record: it becomes theirs, with
 * its opening hours. Confirming again (a retry) completes what is missing and adds nothing.
 */
export const confirmMatch = action({
  input: importInputs.confirmMatch,
  audience: ['staff'],
  // The imported record is read beside the caller's own record.
  preload: ({ personId }) => requirePerson(personId),
  async handler({ personId, candidateId }, ctx, person) {
    const staff = await ctx.requireStaffOf(person.communityId)
    const candidate = await requireCandidate(person, candidateId)
    if (person.linkedOpenid && person.linkedOpenid !== candidate.openid) throw new AppError('CONFLICT', '这条记录已关联到另一个人')
    const link = { linkedOpenid: candidate.openid, linkedAt: new Date(), linkedBy: ctx.openid }
    // Linked by this call (or before, by a retry's first try); taken meanwhile by another confirmation: refused.
    const linked = person.linkedOpenid ? person : (await importedPeople().where({ _id: personId, linkedOpenid: null }).update({ data: link })).stats.updated === 1 ? { ...person, ...link } : await requirePerson(personId)
    if (linked.linkedOpenid !== candidate.openid) throw new AppError('CONFLICT', '这条记录已关联到另一个人')
    await carryOver(linked, candidate.openid)
    await takeOverMembership(linked, candidate, { openid: ctx.openid, name: staff.displayName })
    return { personId, linked: true as const, communityId: person.communityId }
  },
  audit: (input, out) => ({ communityId: out.communityId, target: input.personId, summary: '确认导入的人员记录与新登记的居民是同一人，并转入其记录', key: input.personId }),
})
