import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { idBirthDate } from '@/domain/volunteer/profile'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { _, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action, ERASED_MEANWHILE } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { grantRole } from '../../_kit/users'
import { sealId } from '../../member/id-vault'
import { findVolunteer, toProfile, volunteers } from '../volunteers'

/**
 * 注册志愿者: a volunteer at once, or after staff approval where the community asks for it
 * (`volunteerApprovalRequired`). Someone turned down, or who withdrew, may register again.
 */
export const register = action({
  input: volunteerInputs.register,
  audience: 'anyone',
  // The community and any earlier registration, beside the caller's record.
  preload: ({ communityId }, openid) => Promise.all([requireCommunity(communityId), findVolunteer({ openid })]),
  async handler(input, ctx, [community, existing]) {
    const { openid } = ctx
    const again = existing?.status === 'rejected' || existing?.status === 'withdrawn'
    if (existing && !again) {
      // A registration cut off before the role was granted is finished here (granting is idempotent).
      if (existing.status === 'active') await grantRole(openid, 'volunteer', existing.communityId, {}, await ctx.user())
      throw new AppError('CONFLICT', '您已经注册过志愿者了')
    }

    const status = community.volunteerApprovalRequired ? 'pending' : 'active'
    // A minor's guardian consented now (《民法典》第十九条); the consent itself is the time it was given.
    const guardian = input.guardian ? { name: input.guardian.name, phone: input.guardian.phone, consentedAt: new Date() } : null
    // The ID number is kept only sealed (PIPL 第二十八条, as members' are); its birth date drives the age rules.
    const { idNumber, idConsent: _consented, ...answers } = input
    const sealed = idNumber ? sealId(idNumber) : null
    const identity = { birthDate: idBirthDate(idNumber, todayInChina()), idCipher: sealed?.idCipher ?? null, idMasked: sealed?.idMasked ?? null }
    const fields = { ...answers, ...identity, guardian, status, rejectReason: null, registeredAt: db.serverDate() }
    if (existing) {
      // An object replaces the stored one whole only through _.set (the SDK would merge it field by field).
      const { stats } = await volunteers().where({ _id: existing._id, status: existing.status }).update({ data: { ...fields, guardian: guardian ? _.set(guardian) : null } })
      if (stats.updated !== 1) throw new AppError('CONFLICT', '您已经注册过志愿者了')
    } else {
      try {
        await volunteers().add({ data: { _id: ownedId('vo', openid), openid, ...fields, hours: 0, points: 0 } })
      } catch {
        throw new AppError('CONFLICT', '您已经注册过志愿者了')
      }
    }
    const user = await ctx.user()
    // Read back beside the role (or the staff's message): gone already means 注销 erased it meanwhile.
    const [saved] = await Promise.all([findVolunteer({ openid }), status === 'active' ? grantRole(openid, 'volunteer', input.communityId, {}, user) : tellStaffOfQueue(input.communityId, 'volunteers')])
    if (!saved) throw ERASED_MEANWHILE()
    return toProfile(saved, community.name, true)
  },
})
