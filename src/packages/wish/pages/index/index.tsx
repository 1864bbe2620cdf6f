import { Tabs } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { WishSummary } from '@/domain/wish/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { WishCard } from '@/pages/wish/components/wish-card'
import { wishService } from '@/services/wish'

type Tab = 'mine' | 'claimed'

/** 我的心愿 and 我认领的: what the person posted, and what they took on as a volunteer. */
export default function MyWishesPage() {
  const [tab, setTab] = useState<Tab>('mine')
  const list = usePagedList<WishSummary>((page) => (tab === 'mine' ? wishService.mine(page) : wishService.claimed(page)), [tab])
  const empty = tab === 'mine' ? '您还没有发布过心愿' : '您还没有认领心愿（注册志愿者后可以认领）'
  return (
    <PageShell>
      <Tabs value={tab} onChange={(value) => setTab(value as Tab)}>
        <Tabs.TabPane value='mine' title='我发布的' />
        <Tabs.TabPane value='claimed' title='我认领的' />
      </Tabs>
      <PagedList list={list} empty={empty}>
        {(wish) => (
          <WishCard key={wish._id} wish={wish} />
        )}
      </PagedList>
    </PageShell>
  )
}
