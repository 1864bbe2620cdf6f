import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import { useRemote } from '@/hooks/use-remote'
import { lessonService } from '@/services/lesson'
import { messageOf } from '@/services/service-error'
import { pages, withQuery } from '@/routes'
import './index.scss'

const load = async () => {
  const [catalogue, drafts, updates] = await Promise.all([lessonService.list(), lessonService.drafts(), lessonService.updates()])
  return { lessons: catalogue.items, drafts: drafts.items, updates: updates.items }
}

/**
 * 课程管理: drafts waiting for a second editor, lessons the shipped library has newer (有更新),
 * the catalogue to edit, and new lessons.
 */
export default function LessonAdminPage() {
  const { data, error, loading, reload, retry } = useRemote(load)
  useDidShow(() => {
    if (data) void reload()
  })
  const open = (url: string) => () => Taro.navigateTo({ url })
  const importLibrary = async () => {
    try {
      const { added } = await lessonService.importLibrary()
      await Taro.showToast({ title: `已导入 ${added} 节课`, icon: 'none' })
      await reload()
    } catch (failure) {
      await Taro.showModal({ title: '未能导入', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    }
  }
  const updated = new Set(data?.updates.map((u) => u.lessonId))
  return (
    <PageShell>
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={retry}>
        {data && data.drafts.length > 0 && (
          <View className='card'>
            <Text className='section-title'>待审核的修改（{data.drafts.length}）</Text>
            <Text className='hint'>急救内容须由两位课程编辑把关：一位提交，另一位审核通过后居民才会看到。</Text>
            {data.drafts.map((draft) => (
              <View key={draft._id} className='lesson-admin__item' data-testid='pending-draft' onClick={open(withQuery(pages.staffLessonReview, { versionId: draft._id }))}>
                <Text className='lesson-admin__title'>{draft.title}</Text>
                <Tag type={draft.mine ? 'default' : 'warning'}>{draft.mine ? '我提交的，等待审核' : '待您审核'}</Tag>
                <Text className='hint'>
                  {draft.by} · {formatChinaTime(draft.savedAt)} · {draft.note || `修改了：${draft.changed.join('、')}`}
                </Text>
              </View>
            ))}
          </View>
        )}
        {data && data.updates.length > 0 && (
          <View className='card'>
            <Text className='section-title'>课程库更新（{data.updates.length}）</Text>
            <Text className='hint'>新版本的急救课程库修订或新增了这些课程，请对照查看后提交审核。</Text>
            {data.updates.map((update) => (
              <View key={update.lessonId} className='lesson-admin__item' data-testid='library-update' onClick={open(withQuery(pages.staffLessonReview, { lessonId: update.lessonId }))}>
                <Text className='lesson-admin__title'>{update.title}</Text>
                <Tag type='warning'>{update.currentVersion === null ? '新课程' : '有更新'}</Tag>
                <Text className='hint'>{update.proposed ? '已提交，等待审核' : `${update.diff.length} 处不同，点击对照查看`}</Text>
              </View>
            ))}
          </View>
        )}
        <Button block type='primary' onClick={open(pages.staffLessonEdit)}>
          新增课程
        </Button>
        {data?.lessons.length === 0 && (
          <Button block fill='outline' onClick={importLibrary}>
            导入初始急救课程（新部署时使用）
          </Button>
        )}
        {data?.lessons.map((lesson) => (
          <View key={lesson._id} className='card' data-testid='admin-lesson' onClick={open(withQuery(pages.staffLessonEdit, { id: lesson._id }))}>
            <Text className='section-title'>{lesson.title}</Text>
            {updated.has(lesson._id) && (
              <View className='tag-row'>
                <Tag type='warning'>有更新</Tag>
              </View>
            )}
            <Text className='hint'>
              {lesson.sections} 节 · 约{lesson.minutes}分钟 · {lesson.source}
            </Text>
          </View>
        ))}
      </LoadState>
    </PageShell>
  )
}
