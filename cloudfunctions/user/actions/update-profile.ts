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
  // The home community chosen must exist: read beside the caller's record.
  preload: ({ homeCommunityId }) => (homeCommunityId ? requireCommunity(homeCommunityId) : Promise.resolve(null)),
  async handler({ displayName, avatar, homeCommunityId }, ctx): Promise<Me> {
    if (avatar) requireOwnFiles(ctx.openid, [avatar])
    const user = await ctx.user()
    if (displayName) await requirePassingText(ctx.openid, displayName)
    const photo = avatar && avatar !== user.photo?.fileID ? await checkedPhoto(ctx.openid, avatar) : undefined
    const changes = {
      ...(displayName ? { displayName } : {}),
      ...(homeCommunityId ? { homeCommunityId } : {}),
      // _.set: the stored photo may be null or absent, and a dotted path into null is refused.
      ...(photo ? { photo: _.set(photo) } : {}),
    }
    // The record and the name on the person's wishes are independent: side by side.
    await Promise.all([
      Object.keys(changes).length > 0 ? db.collection(collections.users).where({ _id: ctx.openid }).update({ data: changes }) : null,
      displayName && displayName !== user.displayName ? renameOnWishes(ctx.openid, displayName) : null,
    ])
    await applyEarlyVerdicts([photo])
    return toMe({ ...user, ...(displayName ? { displayName } : {}), ...(homeCommunityId ? { homeCommunityId } : {}), ...(photo ? { photo } : {}) })
  },
})
