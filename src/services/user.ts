import type { UserApi } from '@/domain/user/contract'
import { createClient } from './cloud-client'

const client = createClient<UserApi>('user')

export const userService = {
  me: () => client('me', {}),
  communities: () => client('communities', {}),
  deleteAccount: () => client('deleteAccount', { confirm: true }),
}
