import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { formatChinaDate } from '@/domain/dates'
import { PASS_PERCENT, type QuizResult } from '@/domain/firstaid/lessons'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { useShare } from '@/hooks/use-share'
import { pages } from '@/routes'
import { lessonService } from '@/services/lesson'
import { CertificateImage } from '../../components/certificate-image'
import { messageOf } from '@/services/service-error'
import './index.scss'

/** The lesson's quiz: answered here, graded by the lesson function, explained after submitting. */
export default function QuizPage() {
  const id = useRouter().params.id ?? ''
  const { data: lesson, error, loading, retry } = useRemote(() => lessonService.get(id), [id])
  const me = useMe()
  const [answers, setAnswers] = useState<Record<string, number[]>>({})
  const [result, setResult] = useState<QuizResult & { passedAt: string | null }>()
  const [busy, setBusy] = useState(false)
  const [unanswered, setUnanswered] = useState<string[]>([])
  // Sharing a 学习证明 invites friends to the lesson itself.
  useShare({ title: lesson && (result?.passed ? `我完成了急救课程「${lesson.title}」，你也来学吧` : `急救课堂：${lesson.title}`), page: pages.lesson, id })

  const submit = async () => {
    if (!lesson) return
    const missing = lesson.quiz.filter((q) => !answers[q.id]?.length).map((q) => q.id)
    setUnanswered(missing)
    if (missing.length > 0) {
      const numbers = missing.map((questionId) => lesson.quiz.findIndex((q) => q.id === questionId) + 1)
      await Taro.showToast({ title: `第${numbers.join('、')}题还没有作答`, icon: 'none' })
      await Taro.pageScrollTo({ selector: `#question-${missing[0]}`, duration: 300 })
      return
    }
    setBusy(true)
    try {
      const graded = await lessonService.submitQuiz(id, answers)
      setResult({ ...graded, passedAt: graded.progress.passedAt })
    } catch (failure) {
      await Taro.showModal({ title: '未能提交', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <LoadState loading={loading && !lesson} error={lesson ? undefined : error} onRetry={retry}>
        {lesson && (
          <>
            {result && (
              <View className={`card quiz__score ${result.passed ? 'quiz__score--pass' : ''}`} data-testid='quiz-score'>
                <Text className='quiz__score-number'>{result.score} 分</Text>
                <Text>{result.passed ? '恭喜通过！' : `${PASS_PERCENT}分及格，再看看课程内容试一次吧`}</Text>
              </View>
            )}
            {result?.passed && result.passedAt && (
              <View className='quiz__certificate' data-testid='certificate'>
                <CertificateImage name={me.data?.displayName ?? ''} lesson={lesson.title} score={result.score} date={formatChinaDate(result.passedAt)} />
              </View>
            )}
            {lesson.quiz.map((question, index) => {
              const graded = result?.results.find((r) => r.questionId === question.id)
              const chosen = answers[question.id] ?? []
              // Graded: every right answer green; a wrong choice red.
              const marks = graded && Object.fromEntries(question.options.map((_option, i): [string, 'right' | 'wrong' | undefined] => [String(i), graded.answer.includes(i) ? 'right' : chosen.includes(i) ? 'wrong' : undefined]))
              const missing = !result && unanswered.includes(question.id) && chosen.length === 0
              return (
                <View key={question.id} id={`question-${question.id}`} className={`card ${missing ? 'quiz__missing' : ''}`} data-testid='question'>
                  <Text className='quiz__question'>
                    {index + 1}. {question.text}
                    {question.kind === 'multiple' ? '（多选）' : ''}
                  </Text>
                  <ChoiceGroup
                    multiple={question.kind === 'multiple'}
                    options={question.options.map((option, i) => ({ value: String(i), label: option }))}
                    value={chosen.map(String)}
                    marks={marks}
                    onChange={(value) => !result && setAnswers((previous) => ({ ...previous, [question.id]: (Array.isArray(value) ? value : [value]).map(Number) }))}
                    testId={`question-${question.id}`}
                  />
                  {missing && <Text className='quiz__wrong'>这题还没有作答</Text>}
                  {graded && (
                    <Text className={graded.correct ? 'quiz__right' : 'quiz__wrong'}>
                      {graded.correct ? '回答正确。' : `正确答案：${graded.answer.map((i) => question.options[i]).join('、')}。`}
                      {graded.explanation}
                    </Text>
                  )}
                </View>
              )
            })}
            {result ? (
              <Button block size='large' onClick={() => { setResult(undefined); setAnswers({}); setUnanswered([]) }}>
                再做一次
              </Button>
            ) : (
              <Button block size='large' type='primary' loading={busy} disabled={busy} onClick={submit}>
                提交答案
              </Button>
            )}
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
