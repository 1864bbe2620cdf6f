import * as v from 'valibot'
import type { ActionSpec } from '../contract'
import type { Community, CommunityRef } from '../community/types'
import type { Role } from '../roles'

export const userInputs = {
  me: v.object({}),
  communities: v.object({}),
  /** 注销: the person confirms on purpose (the app asks first). */
  deleteAccount: v.object({ confirm: v.literal(true, '请确认注销') }),
}

/** Who the caller is, as the app shows it on 我的. */
export type Me = {
  userId: string
  displayName: string
  roles: Role[]
  /** Communities the person lives in or works for. */
  communities: CommunityRef[]
  /** The subset of `communities` the person may act on as staff. */
  staffCommunityIds: string[]
  createdAt: string
  /** Where this person's photos go in cloud storage: only photos from there can be attached. */
  uploadFolder: string
}

export type UserApi = {
  me: ActionSpec<v.InferInput<typeof userInputs.me>, Me>
  /** The community stations a person can choose from, with where they are (public information). */
  communities: ActionSpec<v.InferInput<typeof userInputs.communities>, Array<CommunityRef & Pick<Community, 'location'>>>
  deleteAccount: ActionSpec<v.InferInput<typeof userInputs.deleteAccount>, { deleted: true }>
}
