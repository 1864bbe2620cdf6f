import { userService } from '@/services/user'
import { useRemote } from './use-remote'

/** Who the caller is (profile, roles, communities), from the `user` function. */
export function useMe() {
  return useRemote(() => userService.me())
}
