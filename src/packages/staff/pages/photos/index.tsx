import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CloudImage } from '@/components/cloud-image'
import { EmptyState } from '@/components/empty-state'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import type { WaitingPhoto } from '@/domain/photo/contract'
import { useRemote } from '@/hooks/use-remote'
import { photoService } from '@/services/photo'
import { messageOf } from '@/services/service-error'

const REASONS: Record<WaitingPhoto['reason'], string> = {
  flagged: '自动检查拿不准，需要人工判断',
  unchecked: '多次送检都没有结果，需要人工判断',
}

/** 照片审核: photos the automatic check could not decide, shown or hidden by staff of their community. */
export default function PhotoReviewPage() {
  const queue = useRemote(() => photoService.queue())
  const [busy, setBusy] = useState<string>()
  const decide = async (photo: WaitingPhoto, decision: 'approve' | 'reject') => {
    setBusy(photo.fileID)
    try {
      await photoService.decide({ place: photo.place, docId: photo.docId, fileID: photo.fileID, decision })
      await Taro.showToast({ title: decision === 'approve' ? '已通过，照片将显示' : '已不通过，照片不显示', icon: 'none' })
    } catch (error) {
      await Taro.showToast({ title: messageOf(error), icon: 'none' })
    } finally {
      setBusy(undefined)
      await queue.reload()
    }
  }
  return (
    <PageShell>
      <LoadState loading={queue.loading && !queue.data} error={queue.data ? undefined : queue.error} onRetry={queue.retry}>
        {queue.data?.items.length === 0 && <EmptyState description='没有待审核的照片' />}
        {queue.data?.items.map((photo) => (
          <View key={`${photo.docId}|${photo.fileID}`} className='card' data-testid='review-photo'>
            <Text className='section-title'>{photo.title}</Text>
            <Text className='hint'>{REASONS[photo.reason]}</Text>
            {photo.url ? <CloudImage src={photo.url} mode='widthFix' onExpired={queue.reload} /> : <Text className='hint'>文件已不存在</Text>}
            <View className='staff-actions'>
              <Button type='primary' loading={busy === photo.fileID} disabled={!!busy} onClick={() => decide(photo, 'approve')}>
                通过，显示照片
              </Button>
              <Button type='danger' disabled={!!busy} onClick={() => decide(photo, 'reject')}>
                不通过
              </Button>
            </View>
          </View>
        ))}
      </LoadState>
    </PageShell>
  )
}
