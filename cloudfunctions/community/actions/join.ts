import { communityInputs } from '@/domain/community/contract'
import type { Community } from '@/domain/community/types'
import { COMMUNITY_ROLE_LABELS, type CommunityRole } from '@/domain/community/roles'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action, type ActionContext } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { requireSlotLeft, takeSlot } from '../../_kit/rate-limit'
import { communities, type CommunityDoc } from '../access'
import { isBootstrapCodeOf } from '../bootstrap'
import { grantCommunityRole } from '../grants'
import { findInvite, invites, type InviteDoc } from '../invites'

/** Wrong codes a person may type a day: enough for typos, far too few to guess one. */
const WRONG_CODES_A_DAY = 10
const TOO_MANY = '输错邀请码的次数太多，请明天再试'
/** One person's wrong codes today. */
const wrongCodesId = (openid: string) => ownedId('jc', `${openid}|${todayInChina()}`)

async function wrongCode(openid: string): Promise<never> {
  await takeSlot(wrongCodesId(openid), WRONG_CODES_A_DAY, TOO_MANY)
  throw new AppError('INVALID_INPUT', '邀请码不正确，请核对后再输入', { code: '邀请码不正确' })
}

/** The very first admin of a community, by the code made from the environment's secret (README). */
async function bootstrap(communityId: string, ctx: ActionContext): Promise<CommunityRole> {
  await requireCommunity(communityId)
  await ctx.user()
  // Only while the community has no admin: once one exists, admins invite the rest.
  const { stats } = await communities()
    .where({ _id: communityId, 'adminOpenids.0': _.exists(false) })
    .update({ data: { adminOpenids: [ctx.openid] } })
  if (stats.updated !== 1) {
    const { data } = await communities().where({ _id: communityId }).field({ adminOpenids: true }).get<CommunityDoc>()
    if (!(data[0]?.adminOpenids ?? []).includes(ctx.openid)) throw new AppError('CONFLICT', '这个社区已经有管理员了，请向管理员要邀请码')
  }
  await grantCommunityRole(ctx.openid, communityId, 'admin')
  return 'admin'
}

/**
 * The invitee enters the code: it is marked used by them in one conditional update (valid, unused),
 * then the role is granted. A retry by the same person finishes the grant; anyone else is refused.
 * `doc`: the invitation as the action preloaded it.
 */
async function accept(doc: InviteDoc | null, ctx: ActionContext): Promise<{ communityId: string; role: CommunityRole; community: Promise<Community> }> {
  if (!doc) return wrongCode(ctx.openid)
  const now = new Date()
  // The community (its name for the answer) is read beside the claim.
  const community = requireCommunity(doc.communityId)
  community.catch(() => undefined)
  if (doc.usedBy === null) {
    if (new Date(doc.expiresAt) <= now) throw new AppError('CONFLICT', '邀请码已过期，请管理员重新邀请')
    // The caller's record (created on first contact) beside the claim: the grant below needs both.
    const [{ stats }] = await Promise.all([invites().where({ _id: doc._id, usedBy: null, expiresAt: _.gt(now) }).update({ data: { usedBy: ctx.openid, usedAt: now } }), ctx.user()])
    if (stats.updated !== 1) await requireUsedBy(doc._id, ctx.openid)
  } else if (doc.usedBy !== ctx.openid) {
    throw new AppError('CONFLICT', '这个邀请码已经用过了，请管理员重新邀请')
  }
  await grantCommunityRole(ctx.openid, doc.communityId, doc.role)
  return { communityId: doc.communityId, role: doc.role, community }
}

/** The claim did not apply: refused unless the caller holds it already (a retry of theirs got there first). */
async function requireUsedBy(inviteId: string, openid: string): Promise<void> {
  const after = await findInvite({ _id: inviteId })
  if (after?.usedBy === openid) return
  if (after?.usedBy === null) throw new AppError('CONFLICT', '邀请码已过期，请管理员重新邀请')
  throw new AppError('CONFLICT', '这个邀请码已经用过了，请管理员重新邀请')
}

/** 加入工作人员: an invitation code, or the bootstrap code of the community's first admin. */
export const join = action({
  input: communityInputs.join,
  audience: 'anyone',
  // The wrong-code count and the invitation, beside the caller's record.
  async preload({ code }, openid) {
    const [, invite] = await Promise.all([requireSlotLeft(wrongCodesId(openid), WRONG_CODES_A_DAY, TOO_MANY), code.includes('.') ? null : findInvite({ code: code.toUpperCase() })])
    return invite
  },
  async handler({ code }, ctx, invite) {
    if (code.includes('.')) {
      const match = isBootstrapCodeOf(code, ctx.openid)
      if (!match) return wrongCode(ctx.openid)
      const role = await bootstrap(match.communityId, ctx)
      const community = await requireCommunity(match.communityId)
      return { communityId: match.communityId, role, communityName: community.name }
    }
    const { community, ...joined } = await accept(invite, ctx)
    return { ...joined, communityName: (await community).name }
  },
  audit: (_input, out, actor) => ({ communityId: out.communityId, target: actor.openid, summary: `凭邀请码成为${COMMUNITY_ROLE_LABELS[out.role]}`, key: `${out.communityId}:${actor.openid}:${out.role}` }),
})
