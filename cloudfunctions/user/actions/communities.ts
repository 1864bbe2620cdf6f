import type { Community } from '@/domain/community/types'
import { userInputs } from '@/domain/user/contract'
import { collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'

export const communities = action({
  input: userInputs.communities,
  audience: 'anyone',
  async handler() {
    const { data } = await db.collection(collections.communities).orderBy('name', 'asc').field({ name: true, location: true, privacyHandler: true }).get<Community>()
    return data.map(({ _id, name, location, privacyHandler }) => ({ _id, name, location, privacyHandler }))
  },
})
