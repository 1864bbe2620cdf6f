import type { UserApi } from '@/domain/user/contract'
import type * as v from 'valibot'
import type { userInputs } from '@/domain/user/contract'
import { createClient } from './cloud-client'

const client = createClient<UserApi>('user')

export const userService = {
  /** The app's one call when it opens: use it through `session.ts`, which keeps the answer. */
  open: (input: v.InferInput<typeof userInputs.open>) => client('open', input),
  communities: () => client('communities', {}),
  myData: () => client('myData', {}),
  deleteAccount: () => client('deleteAccount', { confirm: true }),
  updateProfile: (change: v.InferInput<typeof userInputs.updateProfile>) => client('updateProfile', change),
}
