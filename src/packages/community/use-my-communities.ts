import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { CommunityRef } from '@/domain/community/types'
import { useMe } from '@/hooks/use-me'

/**
 * The communities the person serves (from 我的), and the one the page shows: the page's `?id=`,
 * else the first. The district opens a community by its id from elsewhere.
 */
export function useMyCommunities() {
  const me = useMe()
  const { params } = useRouter()
  const communities: CommunityRef[] = (me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id))
  const [chosen, setChosen] = useState<string | undefined>(params.id)
  useEffect(() => {
    if (!chosen && communities[0]) setChosen(communities[0]._id)
  }, [chosen, communities])
  return { me, communities, chosen, choose: setChosen }
}
