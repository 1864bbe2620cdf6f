import { View, Text } from '@tarojs/components'
import { Progress, Tag } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { SearchBox } from '@/components/search-box'
import { useRemote } from '@/hooks/use-remote'
import { lessonService } from '@/services/lesson'
import { pages, withQuery } from '@/routes'

/** 急救课堂: the catalogue, with how far the person got in each lesson. */
export default function LessonsPage() {
  const [keyword, setKeyword] = useState('')
  const { data, error, loading, reload, retry } = useRemote(() => lessonService.list(keyword), [keyword])
  useDidShow(() => {
    if (data) void reload()
  })
  return (
    <PageShell>
      <SearchBox placeholder='搜索课程，如 心肺复苏、烫伤' onSearch={setKeyword} testId='lesson-search' />
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={retry} empty={data?.items.length === 0 && (keyword ? `没有找到与“${keyword}”有关的课程，换个词试试` : '课程正在准备中')}>
        {data && !keyword && (
          <View className='card'>
            <Text className='section-title'>
              已学完 {data.passed} / {data.items.length} 课
            </Text>
            <Progress percent={data.items.length ? Math.round((data.passed / data.items.length) * 100) : 0} />
          </View>
        )}
        {data?.items.map((lesson) => (
          <View key={lesson._id} className='card' data-testid='lesson-card' onClick={() => Taro.navigateTo({ url: withQuery(pages.lesson, { id: lesson._id }) })}>
            <View className='staff-actions'>
              <Text className='section-title'>{lesson.title}</Text>
              {lesson.progress.passedAt ? <Tag type='success'>已通过</Tag> : lesson.progress.sectionsRead.length > 0 ? <Tag type='warning'>学习中</Tag> : null}
            </View>
            <Text className='hint'>{lesson.summary}</Text>
            <Text className='hint'>
              约{lesson.minutes}分钟 · 已读 {lesson.progress.sectionsRead.length}/{lesson.sections} 节{lesson.progress.bestScore !== null ? ` · 测验最好 ${lesson.progress.bestScore} 分` : ''}
            </Text>
          </View>
        ))}
        <Text className='hint'>课程内容仅供学习参考，不能替代中国红十字会的正规救护员培训。</Text>
      </LoadState>
    </PageShell>
  )
}
