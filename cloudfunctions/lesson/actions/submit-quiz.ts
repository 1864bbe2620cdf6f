import { gradeQuiz, lessonInputs } from '@/domain/firstaid/lessons'
import { db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { progressId, progressOf, requireLesson, toProgress, type ProgressDoc } from '../lessons'

/** Grades the quiz on the server and keeps the best score; a pass records completion. */
export const submitQuiz = action({
  input: lessonInputs.submitQuiz,
  audience: 'anyone',
  async handler({ lessonId, answers }, { openid }) {
    const lesson = await requireLesson(lessonId)
    const result = gradeQuiz(lesson.quiz, answers)
    const _id = progressId(openid, lessonId)
    const { data } = await progressOf().where({ _id }).get<ProgressDoc>()
    const previous = data[0]
    const best = Math.max(previous?.bestScore ?? 0, result.score)
    const passedAt = previous?.passedAt ?? (result.passed ? db.serverDate() : null)
    const update = () => progressOf().where({ _id }).update({ data: { bestScore: best, passedAt } })
    if (previous) await update()
    else {
      try {
        await progressOf().add({ data: { _id, openid, lessonId, sectionsRead: [], lastSection: 0, bestScore: best, passedAt } })
      } catch {
        await update() // a first reading or attempt created it meanwhile
      }
    }
    const saved = await progressOf().where({ _id }).get<ProgressDoc>()
    return { ...result, progress: toProgress(saved.data[0]) }
  },
})
