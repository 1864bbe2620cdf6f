import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { MySuggestion } from '@/domain/aed/contract'
import { SUGGESTION_STATUSES } from '@/domain/aed/suggestions'
import { formatChinaTime } from '@/domain/dates'
import { confirmThen } from '@/hooks/confirm-then'
import { usePagedList } from '@/hooks/use-paged-list'
import { pages } from '@/routes'
import { aedService } from '@/services/aed'
import './index.scss'

/** What each state means for the resident, in a line under the name. */
const EXPLAIN: Record<MySuggestion['status'], string> = {
  pending: '社区工作人员会到现场核实，核实后才会出现在“找AED”里',
  verified: '已经出现在“找AED”里，谢谢您',
  withdrawn: '您已撤回，工作人员不会再去核实',
}

/** 我建议的AED: the resident's own suggestions, where each stands, and 撤回 while staff have not checked it. */
export default function MyAedSuggestionsPage() {
  const list = usePagedList<MySuggestion>((page) => aedService.mySuggestions(page))
  const [busy, setBusy] = useState<string>()

  const withdraw = async (suggestion: MySuggestion) => {
    const ask = { title: '撤回建议', content: `撤回后工作人员不再核实“${suggestion.name}”，以后还可以重新建议。确定撤回吗？`, confirmText: '撤回', done: '已撤回', failTitle: '未能撤回' }
    setBusy(suggestion._id)
    try {
      if ((await confirmThen(ask, () => aedService.withdrawSuggestion(suggestion._id))) !== 'cancelled') await list.refresh()
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <PageShell>
      <PagedList list={list} empty='您还没有建议过AED。发现附近有AED而“找AED”里没有，可以告诉我们' end='没有更多了'>
        {(suggestion) => (
          <View key={suggestion._id} className='card' data-testid='my-suggestion'>
            <View className='aed-mine__head'>
              <Text className='aed-mine__name'>{suggestion.name}</Text>
              <Text className={`aed-mine__status aed-mine__status--${suggestion.status}`}>{SUGGESTION_STATUSES[suggestion.status]}</Text>
            </View>
            <Text className='aed-mine__line'>{suggestion.address}{suggestion.landmark ? `（${suggestion.landmark}）` : ''}</Text>
            <Text className='hint'>
              {formatChinaTime(suggestion.withdrawnAt ?? suggestion.createdAt, 'YYYY年M月D日')}
              {suggestion.withdrawnAt ? '撤回' : '提交'} · {EXPLAIN[suggestion.status]}
            </Text>
            {suggestion.canWithdraw && (
              <Button block fill='outline' className='aed-mine__withdraw' loading={busy === suggestion._id} disabled={!!busy} onClick={() => void withdraw(suggestion)} data-testid='withdraw-suggestion'>
                撤回建议
              </Button>
            )}
          </View>
        )}
      </PagedList>
      <Button block size='large' fill='outline' className='aed-mine__new' onClick={() => Taro.navigateTo({ url: pages.aedSuggest })}>
        新增AED
      </Button>
    </PageShell>
  )
}
