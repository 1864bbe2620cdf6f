import type { Lesson, Question } from './lessons'

/** What an editor compares: a lesson's content, without its id or where it was published from. */
export type LessonContent = Omit<Lesson, '_id' | 'publishedVersionId'>

/** One part of a lesson that differs, as the editor reads it side by side (empty when absent). */
export type DiffRow = { part: string; before: string; after: string }

const questionText = (q: Question) =>
  [q.text, ...q.options.map((option, i) => `${q.answer.includes(i) ? '✔' : '○'} ${option}`), `解析：${q.explanation}`].join('\n')

/** The readable parts of a lesson, keyed by the name an editor knows them by, in reading order. */
function partsOf(lesson: LessonContent | null): Map<string, string> {
  const parts = new Map<string, string>()
  if (!lesson) return parts
  parts.set('课程名称', lesson.title)
  parts.set('简介', lesson.summary)
  parts.set('时长', `约${lesson.minutes}分钟`)
  parts.set('内容来源', lesson.source)
  lesson.sections.forEach((section, i) => parts.set(`第${i + 1}节`, `${section.title}\n${section.text}${section.image ? '\n（配图）' : ''}`))
  parts.set('要点', lesson.keyPoints.join('\n'))
  if (lesson.video) parts.set('视频', '有录像')
  lesson.quiz.forEach((question, i) => parts.set(`第${i + 1}题`, questionText(question)))
  return parts
}

/**
 * The parts that differ between two states of a lesson (null: the lesson does not exist yet), in
 * the order the newer one reads, then parts only the older one had.
 */
export function lessonDiff(before: LessonContent | null, after: LessonContent): DiffRow[] {
  const old = partsOf(before)
  const now = partsOf(after)
  const names = [...now.keys(), ...[...old.keys()].filter((name) => !now.has(name))]
  return names.map((part) => ({ part, before: old.get(part) ?? '', after: now.get(part) ?? '' })).filter((row) => row.before !== row.after)
}
