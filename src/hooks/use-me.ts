import { opening } from '@/services/session'
import { useRemote } from './use-remote'

/** Who the caller is (profile, roles, communities): from the answer the app got when it opened, while fresh. */
export function useMe() {
  return useRemote((fresh) => opening({ fresh }).then(({ me }) => me))
}
