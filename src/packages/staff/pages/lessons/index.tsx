import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useRemote } from '@/hooks/use-remote'
import { lessonService } from '@/services/lesson'
import { messageOf } from '@/services/service-error'
import { pages, withQuery } from '@/routes'

/** 课程管理: the first-aid catalogue, each lesson editable, and new ones. */
export default function LessonAdminPage() {
  const { data, error, loading, reload, retry } = useRemote(() => lessonService.list())
  useDidShow(() => {
    if (data) void reload()
  })
  const importLibrary = async () => {
    try {
      const { added } = await lessonService.importLibrary()
      await Taro.showToast({ title: added ? `已导入 ${added} 节课` : '课程都已在库中', icon: 'none' })
      await reload()
    } catch (failure) {
      await Taro.showModal({ title: '未能导入', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <PageShell>
      <Button block type='primary' onClick={() => Taro.navigateTo({ url: pages.staffLessonEdit })}>
        新增课程
      </Button>
      <Button block fill='outline' onClick={importLibrary}>
        导入初始急救课程（新部署时使用）
      </Button>
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={retry}>
        {data?.items.map((lesson) => (
          <View key={lesson._id} className='card' data-testid='admin-lesson' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffLessonEdit, { id: lesson._id }) })}>
            <Text className='section-title'>{lesson.title}</Text>
            <Text className='hint'>
              {lesson.sections} 节 · 约{lesson.minutes}分钟 · {lesson.source}
            </Text>
          </View>
        ))}
      </LoadState>
    </PageShell>
  )
}
