import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { keywordField } from '../search'
import { fields } from '../validation'
import type { DiffRow } from './lesson-diff'

/** A first-aid lesson: data, seeded and edited by staff, never code. */
export type Question = {
  id: string
  text: string
  kind: 'single' | 'multiple'
  options: string[]
  /** Indexes of the correct options; never sent before the quiz is submitted. */
  answer: number[]
  explanation: string
}

export type Lesson = {
  _id: string
  title: string
  summary: string
  minutes: number
  /** Where the content comes from (guideline, training material). */
  source: string
  order: number
  sections: Array<{ title: string; text: string; image?: string }>
  keyPoints: string[]
  /** Cloud file ID of a recorded livestream, if any. */
  video?: string
  quiz: Question[]
  /** The shipped library's version this lesson is based on; absent on lessons from before versions (1). */
  libraryVersion?: number
  /** The approved version residents see (absent on lessons seeded or imported from the library). */
  publishedVersionId?: string
}

export const PASS_PERCENT = 80

/** A question as the learner sees it before submitting: no answer, no explanation. */
export type QuestionView = Omit<Question, 'answer' | 'explanation'>
export type LessonView = Omit<Lesson, 'quiz'> & { quiz: QuestionView[] }

export type LessonProgress = { sectionsRead: number[]; lastSection: number; bestScore: number | null; passedAt: string | null }
export type LessonSummary = Pick<Lesson, '_id' | 'title' | 'summary' | 'minutes' | 'source'> & { sections: number; progress: LessonProgress }

export type QuizResult = {
  score: number
  passed: boolean
  results: Array<{ questionId: string; correct: boolean; answer: number[]; explanation: string }>
}

/** Grades on the server: a question counts only when exactly the right options are chosen. */
export function gradeQuiz(quiz: Question[], answers: Record<string, number[]>): QuizResult {
  const results = quiz.map((question) => {
    const given = [...new Set(answers[question.id] ?? [])].sort()
    const expected = [...question.answer].sort()
    const correct = given.length === expected.length && given.every((option, i) => option === expected[i])
    return { questionId: question.id, correct, answer: question.answer, explanation: question.explanation }
  })
  const score = quiz.length === 0 ? 0 : Math.round((results.filter((r) => r.correct).length / quiz.length) * 100)
  return { score, passed: score >= PASS_PERCENT, results }
}

const questionSchema = v.pipe(
  v.object({
    id: fields.id('题目编号'),
    text: fields.text('题目', 4, 200),
    kind: v.picklist(['single', 'multiple'], '请选择单选或多选'),
    options: v.pipe(v.array(fields.text('选项', 1, 100)), v.minLength(2, '至少两个选项'), v.maxLength(6, '最多六个选项')),
    answer: v.pipe(v.array(v.pipe(v.number(), v.integer())), v.minLength(1, '请标出正确答案')),
    explanation: fields.text('解析', 2, 300),
  }),
  // A correct answer must be one of the question's options; a single-choice question has one.
  v.check((q) => q.answer.every((i) => i >= 0 && i < q.options.length), '正确答案必须是题目的选项之一'),
  v.check((q) => q.kind === 'multiple' || q.answer.length === 1, '单选题只能有一个正确答案'),
)

const sectionIndex = v.pipe(v.number('章节应为数字'), v.integer(), v.minValue(0), v.maxValue(50))

export const lessonInputs = {
  list: v.object({ keyword: keywordField }),
  get: v.object({ lessonId: fields.id('课程编号') }),
  full: v.object({ lessonId: fields.id('课程编号') }),
  importLibrary: v.object({}),
  /** A reading's sections, sent once when the reader leaves the lesson (one call, not one a section: #25), and where they stopped. */
  progress: v.object({
    lessonId: fields.id('课程编号'),
    sections: v.pipe(v.array(sectionIndex), v.minLength(1, '没有读过的章节'), v.maxLength(51)),
    lastSection: sectionIndex,
  }),
  submitQuiz: v.object({
    lessonId: fields.id('课程编号'),
    answers: v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))), v.maxLength(6)), '答案格式不正确'),
  }),
  versions: v.object({ lessonId: fields.id('课程编号'), page: fields.page, pageSize: fields.pageSize }),
  /** `confirmOutdated`: the editor has been warned that the version predates the current guidelines. */
  restore: v.object({ versionId: fields.id('版本编号'), confirmOutdated: v.optional(v.boolean()) }),
  drafts: v.object({ page: fields.page, pageSize: fields.pageSize }),
  draft: v.object({ versionId: fields.id('版本编号') }),
  approve: v.object({ versionId: fields.id('版本编号') }),
  decline: v.object({ versionId: fields.id('版本编号') }),
  updates: v.object({}),
  applyUpdate: v.object({ lessonId: fields.id('课程编号') }),
  save: v.object({
    lessonId: fields.id('课程编号'),
    title: fields.text('课程名称', 2, 40),
    summary: fields.text('简介', 2, 200),
    minutes: v.pipe(v.number(), v.integer(), v.minValue(1, '至少1分钟'), v.maxValue(180)),
    source: fields.text('内容来源', 2, 200),
    order: v.pipe(v.number(), v.integer(), v.minValue(0)),
    sections: v.pipe(v.array(v.object({ title: fields.text('章节标题', 2, 40), text: fields.text('章节内容', 2, 2000), image: v.optional(v.string()) })), v.minLength(1, '至少一个章节')),
    keyPoints: v.array(fields.text('要点', 2, 100)),
    video: v.optional(v.pipe(v.string(), v.regex(/^cloud:\/\/\S+$/, '视频格式不正确'))),
    quiz: v.pipe(v.array(questionSchema), v.minLength(5, '每课至少5道题')),
  }),
}

export type LessonApi = {
  list: ActionSpec<v.InferInput<typeof lessonInputs.list>, { items: LessonSummary[]; passed: number }>
  get: ActionSpec<v.InferInput<typeof lessonInputs.get>, LessonView & { progress: LessonProgress }>
  progress: ActionSpec<v.InferInput<typeof lessonInputs.progress>, LessonProgress>
  submitQuiz: ActionSpec<v.InferInput<typeof lessonInputs.submitQuiz>, QuizResult & { progress: LessonProgress }>
  /** Proposes a change: a draft residents see only once a second editor approves it (null: nothing changed). */
  save: ActionSpec<v.InferInput<typeof lessonInputs.save>, { draft: LessonVersion | null }>
  /** The lesson with its answers, for staff editing it. */
  full: ActionSpec<v.InferInput<typeof lessonInputs.full>, Lesson>
  /** Copies the shipped library into an empty catalogue (a new deployment); later changes arrive as updates. */
  importLibrary: ActionSpec<v.InferInput<typeof lessonInputs.importLibrary>, { added: number }>
  /** Every saved version of a lesson, newest first: who, when, what changed. */
  versions: ActionSpec<v.InferInput<typeof lessonInputs.versions>, Page<LessonVersion>>
  /** Proposes an earlier version as a draft (one older than the current guidelines only once confirmed). */
  restore: ActionSpec<v.InferInput<typeof lessonInputs.restore>, { draft: LessonVersion | null }>
  /** Every draft awaiting a second editor, newest first. */
  drafts: ActionSpec<v.InferInput<typeof lessonInputs.drafts>, Page<LessonVersion>>
  /** One version and how it differs from what residents see now. */
  draft: ActionSpec<v.InferInput<typeof lessonInputs.draft>, { version: LessonVersion; diff: DiffRow[] }>
  /** A second editor publishes a draft; its author may not (FORBIDDEN). */
  approve: ActionSpec<v.InferInput<typeof lessonInputs.approve>, LessonVersion>
  /** The author withdraws, or another editor turns down, a draft. */
  decline: ActionSpec<v.InferInput<typeof lessonInputs.decline>, LessonVersion>
  /** The shipped library's lessons that are newer than the stored ones (or missing), each with its difference. */
  updates: ActionSpec<v.InferInput<typeof lessonInputs.updates>, { items: LibraryUpdate[] }>
  /** Proposes the shipped lesson as a draft, like any save. */
  applyUpdate: ActionSpec<v.InferInput<typeof lessonInputs.applyUpdate>, { draft: LessonVersion | null }>
}

export type VersionStatus = 'pending' | 'published' | 'declined'

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { pending: '待审核', published: '已发布', declined: '已退回' }

/**
 * One saved state of a lesson. `changed` names the parts that differ from the one before; `mine`
 * says whether the caller wrote it; `outdated` that it predates the current guidelines.
 */
export type LessonVersion = {
  _id: string
  lessonId: string
  /** The lesson's title in this version. */
  title: string
  savedAt: string
  by: string
  changed: string[]
  note: string
  status: VersionStatus
  approvedBy: string | null
  mine: boolean
  libraryVersion: number
  outdated: boolean
}

/** A lesson of the shipped library newer than the stored one (`currentVersion` null: not in the database). */
export type LibraryUpdate = { lessonId: string; title: string; libraryVersion: number; currentVersion: number | null; proposed: boolean; diff: DiffRow[] }
