import { AppError } from '@/domain/errors'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { findVolunteer, toProfile, volunteers } from '../volunteers'

/** A volunteer changes their phone, skills, weekly availability or introduction. */
export const update = action({
  input: volunteerInputs.update,
  audience: 'anyone',
  async handler(changes, { openid }) {
    const doc = await findVolunteer({ openid })
    if (!doc) throw new AppError('NOT_FOUND', '您还没有注册志愿者')
    const data = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
    if (Object.keys(data).length > 0) await volunteers().where({ _id: doc._id }).update({ data })
    const saved = await findVolunteer({ _id: doc._id })
    const names = await communityNames([doc.communityId])
    return toProfile(saved ?? doc, names.get(doc.communityId) ?? '', true)
  },
})
