import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import type { DiffRow } from '@/domain/firstaid/lesson-diff'
import { VERSION_STATUS_LABELS, type LessonVersion } from '@/domain/firstaid/lessons'
import { useRemote } from '@/hooks/use-remote'
import { lessonService } from '@/services/lesson'
import { messageOf, ServiceError } from '@/services/service-error'
import { LessonDiff } from '../../components/lesson-diff'

type Review = { kind: 'draft'; version: LessonVersion; diff: DiffRow[] } | { kind: 'update'; lessonId: string; title: string; libraryVersion: number; currentVersion: number | null; proposed: boolean; diff: DiffRow[] }

async function loadReview(versionId: string | undefined, lessonId: string | undefined): Promise<Review> {
  if (versionId) return { kind: 'draft', ...(await lessonService.draft(versionId)) }
  const update = (await lessonService.updates()).items.find((item) => item.lessonId === lessonId)
  if (!update) throw new ServiceError('NOT_FOUND', '这节课已经是课程库的最新版本')
  return { kind: 'update', ...update }
}

/**
 * One proposed change beside what residents see now: a draft an editor proposed (approved or
 * declined by another editor), or a newer lesson of the shipped library (proposed as a draft).
 */
export default function LessonReviewPage() {
  const { versionId, lessonId } = useRouter().params
  const review = useRemote(() => loadReview(versionId, lessonId), [versionId, lessonId])

  const act = async (title: string, content: string, confirmText: string, run: () => Promise<unknown>, done: string) => {
    const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '取消' })
    if (!confirm) return
    try {
      await run()
      await Taro.showToast({ title: done, icon: 'success' })
      await review.reload()
    } catch (error) {
      await Taro.showModal({ title: '未能完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }

  const data = review.data
  return (
    <PageShell>
      <LoadState loading={review.loading && !data} error={data ? undefined : review.error} onRetry={review.retry}>
        {data?.kind === 'draft' && (
          <View className='card' data-testid='review-draft'>
            <Text className='section-title'>{data.version.title}</Text>
            <View className='tag-row'>
              <Tag type={data.version.status === 'pending' ? 'warning' : data.version.status === 'published' ? 'success' : 'default'}>{VERSION_STATUS_LABELS[data.version.status]}</Tag>
            </View>
            <Text className='hint'>
              {data.version.by} 于 {formatChinaTime(data.version.savedAt)} 提交{data.version.note ? `：${data.version.note}` : ''}
              {data.version.approvedBy ? `；${data.version.approvedBy} 审核发布` : ''}
            </Text>
            {data.version.outdated && <Text className='form-field__error'>这个版本早于现行指南，内容可能已经过时，请仔细核对。</Text>}
            {data.version.status === 'pending' && data.version.mine && <Text className='hint'>需要另一位课程编辑审核通过后，居民才会看到。</Text>}
          </View>
        )}
        {data?.kind === 'update' && (
          <View className='card' data-testid='review-update'>
            <Text className='section-title'>{data.title}</Text>
            <View className='tag-row'>
              <Tag type='warning'>{data.currentVersion === null ? '新课程' : '有更新'}</Tag>
            </View>
            <Text className='hint'>{data.currentVersion === null ? `课程库新增的课程（第${data.libraryVersion}版）` : `课程库第${data.libraryVersion}版，本站现为第${data.currentVersion}版`}。提交后需另一位课程编辑审核才会发布。</Text>
            {data.proposed && <Text className='hint'>已提交，等待另一位课程编辑审核。</Text>}
          </View>
        )}
        {data && (
          <View className='card'>
            <Text className='section-title'>修改内容对照</Text>
            <LessonDiff rows={data.diff} beforeLabel='居民现在看到' afterLabel={data.kind === 'update' ? '课程库新版' : '修改后'} />
          </View>
        )}
        {data?.kind === 'draft' && data.version.status === 'pending' && !data.version.mine && (
          <Button
            block
            size='large'
            type='primary'
            onClick={() => act('审核通过并发布？', '发布后，所有社区的居民都会看到修改后的课程。', '发布', () => lessonService.approve(data.version._id), '已发布')}
          >
            审核通过并发布
          </Button>
        )}
        {data?.kind === 'draft' && data.version.status === 'pending' && (
          <Button block fill='outline' onClick={() => act(data.version.mine ? '撤回这份修改？' : '退回这份修改？', '居民不会看到这份修改。', data.version.mine ? '撤回' : '退回', () => lessonService.decline(data.version._id), data.version.mine ? '已撤回' : '已退回')}>
            {data.version.mine ? '撤回修改' : '退回修改'}
          </Button>
        )}
        {data?.kind === 'update' && !data.proposed && (
          <Button block size='large' type='primary' onClick={() => act('提交这次更新？', '将作为一份修改提交，另一位课程编辑审核通过后才会发布。', '提交', () => lessonService.applyUpdate(data.lessonId), '已提交审核')}>
            采用更新，提交审核
          </Button>
        )}
      </LoadState>
    </PageShell>
  )
}
