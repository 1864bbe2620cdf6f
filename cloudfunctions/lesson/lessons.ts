import { AppError } from '@/domain/errors'
import type { Lesson, LessonProgress, LessonView } from '@/domain/firstaid/lessons'
import { collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { ownedId } from '../_kit/ids'

export const lessons = () => db.collection(collections.lessons)
export const progressOf = () => db.collection(collections.lessonProgress)

export type ProgressDoc = { _id: string; openid: string; lessonId: string; sectionsRead: number[]; lastSection: number; bestScore: number | null; passedAt: Date | null }

export const progressId = (openid: string, lessonId: string) => ownedId('lp', `${openid}:${lessonId}`)

export async function requireLesson(lessonId: string): Promise<Lesson> {
  const { data } = await lessons().where({ _id: lessonId }).limit(1).get<Lesson>()
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这节课')
  return data[0]
}

export function toProgress(doc: ProgressDoc | undefined): LessonProgress {
  return { sectionsRead: doc?.sectionsRead ?? [], lastSection: doc?.lastSection ?? 0, bestScore: doc?.bestScore ?? null, passedAt: doc?.passedAt ? toIso(doc.passedAt) : null }
}

/** The lesson without what would give the quiz away. */
export function toView(lesson: Lesson): LessonView {
  return { ...lesson, quiz: lesson.quiz.map(({ id, text, kind, options }) => ({ id, text, kind, options })) }
}
