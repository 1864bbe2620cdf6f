import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import type { Lesson, Question } from '@/domain/firstaid/lessons'
import { fieldErrors } from '@/domain/validation'
import { lessonInputs } from '@/domain/firstaid/lessons'
import { lessonService } from '@/services/lesson'
import { messageOf, ServiceError } from '@/services/service-error'
import { LessonVersions } from '../../components/lesson-versions'

const blankQuestion = (n: number): Question => ({ id: `q${n}`, text: '', kind: 'single', options: ['', ''], answer: [], explanation: '' })
const BLANK: Lesson = { _id: '', title: '', summary: '', minutes: 10, source: '', order: 99, sections: [{ title: '', text: '' }], keyPoints: [], quiz: [1, 2, 3, 4, 5].map(blankQuestion) }

/**
 * Editors change a lesson and its quiz: content is data. The same schema as `lesson.save` checks
 * it, so a question without a correct answer among its options cannot be proposed. The change is
 * a draft: residents see it once another editor approves it.
 */
export default function LessonEditPage() {
  const id = useRouter().params.id
  const [lesson, setLesson] = useState<Lesson>(BLANK)
  const [lessonId, setLessonId] = useState(id ?? '')
  // Shown once the editor tries to save: each beside its field, as in every other form.
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    if (id) void lessonService.full(id).then(setLesson)
  }, [id])

  const update = (change: Partial<Lesson>) => setLesson((l) => ({ ...l, ...change }))
  const updateQuestion = (index: number, change: Partial<Question>) => update({ quiz: lesson.quiz.map((q, i) => (i === index ? { ...q, ...change } : q)) })
  const updateSection = (index: number, change: Partial<Lesson['sections'][number]>) => update({ sections: lesson.sections.map((s, i) => (i === index ? { ...s, ...change } : s)) })

  const save = async () => {
    const { _id: _unused, ...content } = lesson
    const input = { ...content, lessonId }
    const found = fieldErrors(lessonInputs.save, input)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    try {
      const { draft } = await lessonService.save(input)
      if (draft) await Taro.showModal({ title: '已提交审核', content: '另一位课程编辑审核通过后，居民才会看到修改后的课程。', showCancel: false, confirmText: '知道了' })
      else await Taro.showToast({ title: '内容没有变化', icon: 'none' })
      await Taro.navigateBack()
    } catch (error) {
      if (error instanceof ServiceError && error.fields) setErrors(error.fields)
      await Taro.showModal({ title: '未能保存', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    }
  }

  return (
    <PageShell>
      <View className='card'>
        {!id && (
          <FormField label='课程代号' required hint='课程的简短代号，保存后不能更改，例如 stroke（小写字母、数字或“-”）' error={errors.lessonId} count={{ value: lessonId, max: 64 }}>
            <Input value={lessonId} maxLength={64} onChange={setLessonId} />
          </FormField>
        )}
        <FormField label='课程名称' required error={errors.title} count={{ value: lesson.title, max: 40 }}>
          <Input value={lesson.title} maxLength={40} onChange={(title) => update({ title })} />
        </FormField>
        <FormField label='简介' required error={errors.summary}>
          <TextArea value={lesson.summary} maxLength={200} showCount onChange={(summary) => update({ summary })} />
        </FormField>
        <FormField label='学习时长（分钟）' required error={errors.minutes}>
          <Input type='number' value={String(lesson.minutes)} onChange={(value) => update({ minutes: Number(value) || 0 })} />
        </FormField>
        <FormField label='内容来源' required hint='指南或教材名称' error={errors.source} count={{ value: lesson.source, max: 200 }}>
          <Input value={lesson.source} maxLength={200} onChange={(source) => update({ source })} />
        </FormField>
        <FormField label='要点' hint='每行一条，每条最多100字' error={errors.keyPoints}>
          <TextArea value={lesson.keyPoints.join('\n')} onChange={(value) => update({ keyPoints: value.split('\n').map((p) => p.trim()).filter(Boolean) })} />
        </FormField>
      </View>

      {lesson.sections.map((section, i) => (
        <View key={i} className='card'>
          <FormField label={`第${i + 1}节 标题`} required error={errors[`sections.${i}.title`]} count={{ value: section.title, max: 40 }}>
            <Input value={section.title} maxLength={40} onChange={(title) => updateSection(i, { title })} />
          </FormField>
          <FormField label='内容' required error={errors[`sections.${i}.text`]}>
            <TextArea value={section.text} maxLength={2000} showCount onChange={(text) => updateSection(i, { text })} />
          </FormField>
          {lesson.sections.length > 1 && (
            <Button size='small' fill='none' onClick={() => update({ sections: lesson.sections.filter((_s, k) => k !== i) })}>
              删除这一节
            </Button>
          )}
        </View>
      ))}
      {errors.sections && (
        <View className='form-field__error' role='alert'>
          {errors.sections}
        </View>
      )}
      <Button block fill='outline' onClick={() => update({ sections: [...lesson.sections, { title: '', text: '' }] })}>
        添加一节
      </Button>

      {lesson.quiz.map((question, i) => (
        <View key={question.id} className='card'>
          <FormField label={`第${i + 1}题`} required error={errors[`quiz.${i}.text`]}>
            <TextArea value={question.text} maxLength={200} showCount onChange={(text) => updateQuestion(i, { text })} />
          </FormField>
          <FormField label='题型'>
            <ChoiceGroup options={[{ value: 'single', label: '单选' }, { value: 'multiple', label: '多选' }]} value={question.kind} onChange={(kind) => updateQuestion(i, { kind: kind as Question['kind'], answer: [] })} />
          </FormField>
          <FormField label='选项' required hint='每行一个，二到六个' error={errors[`quiz.${i}.options`]}>
            <TextArea value={question.options.join('\n')} onChange={(value) => updateQuestion(i, { options: value.split('\n'), answer: [] })} />
          </FormField>
          <FormField label='正确答案' required error={errors[`quiz.${i}.answer`]}>
            <ChoiceGroup
              multiple={question.kind === 'multiple'}
              options={question.options.map((option, k) => ({ value: String(k), label: option || `选项${k + 1}` }))}
              value={question.answer.map(String)}
              onChange={(value) => updateQuestion(i, { answer: (Array.isArray(value) ? value : [value]).map(Number) })}
            />
          </FormField>
          <FormField label='解析' required error={errors[`quiz.${i}.explanation`]}>
            <TextArea value={question.explanation} maxLength={300} showCount onChange={(explanation) => updateQuestion(i, { explanation })} />
          </FormField>
        </View>
      ))}
      {errors.quiz && (
        <View className='form-field__error' role='alert'>
          {errors.quiz}
        </View>
      )}
      <Button block fill='outline' onClick={() => update({ quiz: [...lesson.quiz, blankQuestion(lesson.quiz.length + 1)] })}>
        添加一道题
      </Button>

      {Object.keys(errors).length > 0 && (
        <View className='form-field__error' role='alert'>
          还有 {Object.keys(errors).length} 处需要修改，请看标红的地方
        </View>
      )}
      <Button block size='large' type='primary' onClick={save}>
        提交审核
      </Button>
      {id && <LessonVersions lessonId={id} />}
    </PageShell>
  )
}
