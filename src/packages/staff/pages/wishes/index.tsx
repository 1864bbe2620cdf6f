import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CommunityFilter } from '@/components/community-filter'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import type { WishDetail } from '@/domain/wish/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { useStaffCommunities } from '@/hooks/use-staff-communities'
import { wishService } from '@/services/wish'
import { pages, withQuery } from '@/routes'

/** Why the wish waits: the note of the step that held it (the content check's label, or that the check failed). */
const heldBecause = (wish: WishDetail): string | undefined => [...wish.history].reverse().find((step) => step.to === 'pending_review' && step.note)?.note

/** 心愿审核: wishes the content check flagged, oldest first, each with why; decided on their detail page. */
export default function WishReviewPage() {
  const [communityId, setCommunityId] = useState('')
  const communities = useStaffCommunities()
  const list = usePagedList<WishDetail>((page) => wishService.reviewQueue(communityId, page), [communityId])
  return (
    <PageShell>
      <CommunityFilter communities={communities} value={communityId} onChange={setCommunityId} />
      <PagedList list={list} empty='没有待审核的心愿'>
        {(wish) => (
          <View key={wish._id} className='card' data-testid='review-wish' onClick={() => Taro.navigateTo({ url: withQuery(pages.wishDetail, { id: wish._id }) })}>
            <Text className='section-title'>{wish.title}</Text>
            <Text className='form-field__error' data-testid='review-why'>
              {heldBecause(wish) ?? '内容需要人工查看'}
            </Text>
            <Text className='hint'>
              {wish.communityName} · {wish.contact?.name} {wish.contact?.phone} · {formatChinaTime(wish.createdAt)}
            </Text>
            <Text>{wish.content}</Text>
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
