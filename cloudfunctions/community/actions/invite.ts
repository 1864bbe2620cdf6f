import { communityInputs } from '@/domain/community/contract'
import { COMMUNITY_ROLE_LABELS, INVITE_VALID_MS, mayGrant } from '@/domain/community/roles'
import { AppError } from '@/domain/errors'
import { isDuplicateKey } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { requireManagerOf } from '../access'
import { findInvite, invites, newInviteCode, type InviteDoc } from '../invites'

/**
 * An admin invites a person to a role with a one-time code, valid 24 hours. Nobody grants a role
 * above their own. The same requestId answers the same invitation: a retried tap makes no second code.
 */
export const invite = action({
  input: communityInputs.invite,
  audience: ['staff', 'district'],
  async handler({ communityId, role, requestId }, ctx) {
    const { community, roles } = await requireManagerOf(communityId, ctx)
    if (!mayGrant(roles, role)) throw new AppError('FORBIDDEN', `您不能邀请${COMMUNITY_ROLE_LABELS[role]}`)
    const _id = ownedId('inv', `${ctx.openid}|${requestId}`)
    const now = new Date()
    let doc: InviteDoc | null = null
    // A new code that happens to exist already (unique index) is drawn again.
    for (let attempt = 0; attempt < 3 && !doc; attempt++) {
      const fresh: InviteDoc = { _id, code: newInviteCode(), communityId, role, createdBy: ctx.openid, createdAt: now, expiresAt: new Date(now.getTime() + INVITE_VALID_MS), usedBy: null, usedAt: null }
      try {
        await invites().add({ data: fresh })
        doc = fresh
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        doc = await findInvite({ _id })
      }
    }
    if (!doc) throw new AppError('INTERNAL')
    if (doc.communityId !== communityId || doc.role !== role) throw new AppError('CONFLICT', '请重新打开页面再邀请')
    return { code: doc.code, communityId, communityName: community.name, role: doc.role, expiresAt: new Date(doc.expiresAt).toISOString() }
  },
  audit: (input, out) => ({ communityId: out.communityId, target: `invite:${input.requestId}`, summary: `生成${COMMUNITY_ROLE_LABELS[out.role]}邀请码`, key: input.requestId }),
})
