import { useMe } from './use-me'

/** The communities the caller works for as staff, for a staff list's community filter. */
export function useStaffCommunities() {
  const me = useMe()
  return (me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id))
}
