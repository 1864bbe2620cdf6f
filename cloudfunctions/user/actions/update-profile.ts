import { userInputs, type Me } from '@/domain/user/contract'
import { _, collections, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { applyEarlyVerdicts, checkedPhoto } from '../../_kit/photo-checks'
import { requireOwnFiles } from '../../_kit/uploads'
import { toMe } from '../me-view'
import { renameOnWishes } from '../rename'

/**
 * 个人资料: nickname, avatar and home community. Others see the nickname (on wishes, in lists), so
 * it must pass the text check; the avatar is the person's own upload and stays hidden until its
 * photo check passes. Everything is checked before the one update, so a refusal changes nothing;
 * sending the same profile again writes the same values.
 */
export const updateProfile = action({
  input: userInputs.updateProfile,
  audience: 'anyone',
  async handler({ displayName, avatar, homeCommunityId }, ctx): Promise<Me> {
    if (avatar) requireOwnFiles(ctx.openid, [avatar])
    const user = await ctx.user()
    await Promise.all([homeCommunityId ? requireCommunity(homeCommunityId) : null, displayName ? requirePassingText(ctx.openid, displayName) : null])
    const photo = avatar && avatar !== user.photo?.fileID ? await checkedPhoto(ctx.openid, avatar) : undefined
    const changes = {
      ...(displayName ? { displayName } : {}),
      ...(homeCommunityId ? { homeCommunityId } : {}),
      // _.set: the stored photo may be null or absent, and a dotted path into null is refused.
      ...(photo ? { photo: _.set(photo) } : {}),
    }
    if (Object.keys(changes).length > 0) await db.collection(collections.users).where({ _id: ctx.openid }).update({ data: changes })
    if (displayName && displayName !== user.displayName) await renameOnWishes(ctx.openid, displayName)
    await applyEarlyVerdicts([photo])
    return toMe({ ...user, ...(displayName ? { displayName } : {}), ...(homeCommunityId ? { homeCommunityId } : {}), ...(photo ? { photo } : {}) })
  },
})
