import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import type { WishDetail } from '@/domain/wish/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { messageOf } from '@/services/service-error'
import { wishService } from '@/services/wish'
import { pages, withQuery } from '@/routes'

/**
 * 心愿时长核定: completed wishes whose reported time waits for staff, one tap each to record it
 * (谁记录谁证明, 民政部令第67号 2020); not approving needs a reason the volunteer sees.
 */
export default function WishHoursPage() {
  const list = usePagedList<WishDetail>((page) => wishService.hoursQueue(page))
  const [declining, setDeclining] = useState<string>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  useDidShow(() => {
    if (list.last) void list.refresh()
  })

  const decide = async (wish: WishDetail, decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.trim().length < 2) {
      await Taro.showToast({ title: '请填写不核定的原因', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      await wishService.approveHours(wish._id, decision, reason.trim())
      await Taro.showToast({ title: decision === 'approve' ? '已记入' : '已处理', icon: 'success' })
      setDeclining(undefined)
      setReason('')
    } catch (error) {
      await Taro.showModal({ title: '操作未完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
    await list.refresh()
  }

  return (
    <PageShell>
      <PagedList list={list} empty='没有待核定时长的心愿'>
        {(wish) => (
          <View key={wish._id} className='card' data-testid='hours-wish'>
            <Text className='section-title' onClick={() => Taro.navigateTo({ url: withQuery(pages.wishDetail, { id: wish._id }) })}>
              {wish.title}
            </Text>
            <Text className='hint'>
              {wish.communityName} · 志愿者 {wish.claimerName} · 心愿主人 {wish.ownerName}
            </Text>
            {wish.fulfilment && (
              <>
                <Text>完成说明：{wish.fulfilment.note}</Text>
                <Text className='hint'>
                  完成于 {formatChinaTime(wish.fulfilment.at)} · 报告服务 {wish.fulfilment.minutes} 分钟
                </Text>
              </>
            )}
            {declining === wish._id && <TextArea value={reason} placeholder='不核定的原因（志愿者会看到）' onChange={setReason} maxLength={200} showCount data-testid='hours-reason' />}
            <View className='staff-actions'>
              <Button type='danger' fill='outline' disabled={busy} onClick={() => (declining === wish._id ? decide(wish, 'reject') : setDeclining(wish._id))}>
                {declining === wish._id ? '确认不核定' : '不核定'}
              </Button>
              <Button type='primary' disabled={busy} onClick={() => decide(wish, 'approve')}>
                核定 {wish.serviceHours?.hours ?? 0} 小时
              </Button>
            </View>
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
