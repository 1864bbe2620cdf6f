import { AppError } from '@/domain/errors'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { findVolunteer, toProfile, volunteers } from '../volunteers'

/** A volunteer changes their phone, skills, weekly availability or introduction. */
export const update = action({
  input: volunteerInputs.update,
  audience: 'anyone',
  // The profile, beside the caller's record.
  preload: (_changes, openid) => findVolunteer({ openid }),
  async handler(changes, _ctx, doc) {
    if (!doc) throw new AppError('NOT_FOUND', '您还没有注册志愿者')
    const data = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
    // The change and the community's name side by side; the profile answered is the one written.
    const [names] = await Promise.all([communityNames([doc.communityId]), Object.keys(data).length > 0 ? volunteers().where({ _id: doc._id }).update({ data }) : null])
    return toProfile({ ...doc, ...data }, names.get(doc.communityId) ?? '', true)
  },
})
