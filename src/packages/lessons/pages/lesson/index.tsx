import { View, Text, Image, Video } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useDidHide, useRouter, useUnload } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { StepBar } from '@/components/step-bar'
import { useRemote } from '@/hooks/use-remote'
import { useShareEverywhere } from '@/hooks/use-share'
import { lessonService } from '@/services/lesson'
import { pages, withQuery } from '@/routes'

/**
 * One lesson, a section at a time; the quiz follows. The sections read are recorded once, when the
 * reader leaves the page (for the quiz, back, or out of the app), not a call per section (#25).
 */
export default function LessonPage() {
  const id = useRouter().params.id ?? ''
  const { data: lesson, error, loading, retry } = useRemote(() => lessonService.get(id), [id])
  const [section, setSection] = useState(0)
  useShareEverywhere({ title: lesson && `急救课堂：${lesson.title}`, page: pages.lesson, id })

  // What this reading has added since it was last recorded; null until the lesson has loaded.
  const reading = useRef<{ sections: Set<number>; last: number } | null>(null)
  useEffect(() => {
    if (!lesson) return
    const { lastSection, sectionsRead } = lesson.progress
    setSection(lastSection)
    // The lesson opens where the reader left off: that section is read now, if it was not before.
    reading.current = { sections: new Set(sectionsRead.includes(lastSection) ? [] : [lastSection]), last: lastSection }
  }, [lesson])
  const show = (next: number) => {
    setSection(next)
    if (!reading.current) return
    reading.current.sections.add(next)
    reading.current.last = next
  }
  const record = () => {
    const current = reading.current
    if (!current || current.sections.size === 0) return
    reading.current = { sections: new Set(), last: current.last }
    void lessonService.progress(id, [...current.sections], current.last).catch(() => undefined)
  }
  useDidHide(record)
  useUnload(record)

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
                <Button size='large' onClick={() => show(section - 1)}>
                  上一节
                </Button>
              )}
              {last ? (
                <Button size='large' type='primary' onClick={() => Taro.navigateTo({ url: withQuery(pages.quiz, { id }) })}>
                  开始测验
                </Button>
              ) : (
                <Button size='large' type='primary' onClick={() => show(section + 1)}>
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
