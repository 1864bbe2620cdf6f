import { userService } from '@/services/user'
import { noteUnread } from './use-unread-badge'
import { useRemote } from './use-remote'

/** Who the caller is (profile, roles, communities), from the `user` function; its unread count feeds the tab badge. */
export function useMe() {
  return useRemote(async () => {
    const me = await userService.me()
    noteUnread(me.unread)
    return me
  })
}
