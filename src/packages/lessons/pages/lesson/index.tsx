import { View, Text, Image, Video } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { StepBar } from '@/components/step-bar'
import { useRemote } from '@/hooks/use-remote'
import { useShareEverywhere } from '@/hooks/use-share'
import { lessonService } from '@/services/lesson'
import { pages, withQuery } from '@/routes'

/** One lesson, a section at a time; reading a section records it; the quiz follows. */
export default function LessonPage() {
  const id = useRouter().params.id ?? ''
  const { data: lesson, error, loading, retry } = useRemote(() => lessonService.get(id), [id])
  const [section, setSection] = useState(0)
  useShareEverywhere({ title: lesson && `急救课堂：${lesson.title}`, page: pages.lesson, id })

  useEffect(() => {
    if (lesson) setSection(lesson.progress.lastSection)
  }, [lesson])

  useEffect(() => {
    if (lesson) void lessonService.progress(id, section).catch(() => undefined)
  }, [lesson, id, section])

  const current = lesson?.sections[section]
  const last = lesson ? section === lesson.sections.length - 1 : false
  return (
    <PageShell>
      <LoadState loading={loading && !lesson} error={lesson ? undefined : error} onRetry={retry}>
        {lesson && current && (
          <>
            <View className='card'>
              <Text className='section-title'>{lesson.title}</Text>
              {/* One section a line: five titles side by side run off a phone's screen. */}
              <StepBar steps={lesson.sections.map((s) => s.title)} current={section} direction='column' testId='lesson-steps' />
            </View>
            {lesson.video && section === 0 && (
              <View className='card'>
                <Text className='section-title'>直播课回放</Text>
                <Video src={lesson.video} controls className='lesson__image' />
              </View>
            )}
            <View className='card' data-testid='lesson-section'>
              <Text className='section-title'>{current.title}</Text>
              {current.image && <Image src={current.image} mode='widthFix' className='lesson__image' />}
              <Text>{current.text}</Text>
            </View>
            {last && (
              <View className='card'>
                <Text className='section-title'>要点</Text>
                {lesson.keyPoints.map((point) => (
                  <Text key={point} className='hint'>
                    · {point}
                  </Text>
                ))}
                <Text className='hint'>内容来源：{lesson.source}</Text>
              </View>
            )}
            <View className='staff-actions'>
              {section > 0 && (
                <Button size='large' onClick={() => setSection(section - 1)}>
                  上一节
                </Button>
              )}
              {last ? (
                <Button size='large' type='primary' onClick={() => Taro.navigateTo({ url: withQuery(pages.quiz, { id }) })}>
                  开始测验
                </Button>
              ) : (
                <Button size='large' type='primary' onClick={() => setSection(section + 1)}>
                  下一节
                </Button>
              )}
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
