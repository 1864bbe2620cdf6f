import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { useRemote } from '@/hooks/use-remote'
import { lessonService } from '@/services/lesson'

const EDIT_URL = '/packages/staff/pages/lesson-edit/index'

/** 课程管理: the first-aid catalogue, each lesson editable, and new ones. */
export default function LessonAdminPage() {
  const { data, error, loading, reload } = useRemote(() => lessonService.list())
  useDidShow(() => {
    if (data) void reload()
  })
  return (
    <PageShell>
      <Button block type='primary' onClick={() => Taro.navigateTo({ url: EDIT_URL })}>
        新增课程
      </Button>
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={reload}>
        {data?.items.map((lesson) => (
          <View key={lesson._id} className='card' data-testid='admin-lesson' onClick={() => Taro.navigateTo({ url: `${EDIT_URL}?id=${lesson._id}` })}>
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
