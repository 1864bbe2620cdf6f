import { lessonDiff, type LessonContent } from './lesson-diff'

const lesson: LessonContent = {
  title: '烧烫伤处理',
  summary: '冲、脱、泡、盖、送',
  minutes: 6,
  source: '指南',
  order: 1,
  sections: [
    { title: '冲', text: '冲洗至少10–20分钟' },
    { title: '盖', text: '覆盖创面' },
  ],
  keyPoints: ['冲'],
  quiz: [{ id: 'q1', text: '冲多久？', kind: 'single', options: ['1分钟', '20分钟'], answer: [0], explanation: '见上' }],
}

test('only the parts that differ, each with both sides; an unchanged lesson has none', () => {
  expect(lessonDiff(lesson, lesson)).toEqual([])
  const fixed = { ...lesson, sections: [{ title: '冲', text: '冲洗20分钟，最少10分钟' }, lesson.sections[1]], quiz: [{ ...lesson.quiz[0], answer: [1] }] }
  expect(lessonDiff(lesson, fixed)).toEqual([
    { part: '第1节', before: '冲\n冲洗至少10–20分钟', after: '冲\n冲洗20分钟，最少10分钟' },
    { part: '第1题', before: '冲多久？\n✔ 1分钟\n○ 20分钟\n解析：见上', after: '冲多久？\n○ 1分钟\n✔ 20分钟\n解析：见上' },
  ])
})

test('a new lesson shows every part on the new side; a removed section shows on the old side', () => {
  expect(lessonDiff(null, lesson).map((row) => [row.part, row.before])).toEqual([
    ['课程名称', ''],
    ['简介', ''],
    ['时长', ''],
    ['内容来源', ''],
    ['第1节', ''],
    ['第2节', ''],
    ['要点', ''],
    ['第1题', ''],
  ])
  expect(lessonDiff(lesson, { ...lesson, sections: lesson.sections.slice(0, 1) })).toEqual([{ part: '第2节', before: '盖\n覆盖创面', after: '' }])
})
