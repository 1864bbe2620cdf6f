import { AppError } from '@/domain/errors'
import type { Lesson, LessonProgress, LessonView } from '@/domain/firstaid/lessons'
import { collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { ownedId } from '../_kit/ids'

export const lessons = () => db.collection(collections.lessons)
export const progressOf = () => db.collection(collections.lessonProgress)

export type ProgressDoc = { _id: string; openid: string; lessonId: string; sectionsRead: number[]; lastSection: number; bestScore: number | null; passedAt: Date | null }

export const progressId = (openid: string, lessonId: string) => ownedId('lp', `${openid}:${lessonId}`)

/**
 * Creates a person's progress on a lesson, blank or already at `start` (the section being read:
 * one write instead of two); when a concurrent call made it first, reads that one (`created` false).
 */
export async function createProgress(_id: string, openid: string, lessonId: string, start: Pick<ProgressDoc, 'sectionsRead' | 'lastSection'> = { sectionsRead: [], lastSection: 0 }): Promise<{ doc: ProgressDoc; created: boolean }> {
  const fresh: ProgressDoc = { _id, openid, lessonId, ...start, bestScore: null, passedAt: null }
  try {
    await progressOf().add({ data: fresh })
    return { doc: fresh, created: true }
  } catch (error) {
    const { data } = await progressOf().where({ _id }).get<ProgressDoc>()
    if (!data[0]) throw error
    return { doc: data[0], created: false }
  }
}

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
