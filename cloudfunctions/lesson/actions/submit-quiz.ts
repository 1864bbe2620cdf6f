import { gradeQuiz, lessonInputs } from '@/domain/firstaid/lessons'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { createProgress, progressId, progressOf, requireLesson, toProgress, type ProgressDoc } from '../lessons'

/** Grades the quiz on the server and keeps the best score; a pass records completion. */
export const submitQuiz = action({
  input: lessonInputs.submitQuiz,
  audience: 'anyone',
  // The lesson and the person's progress on it, beside the caller's record.
  preload: ({ lessonId }, openid) => Promise.all([requireLesson(lessonId), progressOf().where({ _id: progressId(openid, lessonId) }).get<ProgressDoc>()]),
  async handler({ lessonId, answers }, ctx, [lesson, { data }]) {
    const { openid } = ctx
    const result = gradeQuiz(lesson.quiz, answers)
    const _id = progressId(openid, lessonId)
    const previous = data[0] ?? (await createProgress(_id, openid, lessonId)).doc
    // Atomic operators, not a value computed from the read: two attempts at once keep the better
    // score, and the first pass keeps its date.
    const passing = result.passed && !previous.passedAt
    // A first pass counts for the person's community in 家园数据 (lessons finished there this year).
    const communityId = passing ? ((await ctx.user()).homeCommunityId ?? null) : undefined
    await progressOf()
      .where(passing ? { _id, passedAt: null } : { _id })
      .update({ data: { bestScore: _.max(result.score), ...(passing ? { passedAt: db.serverDate(), communityId } : {}) } })
    const bestScore = Math.max(previous.bestScore ?? 0, result.score)
    return { ...result, progress: toProgress({ ...previous, bestScore, passedAt: previous.passedAt ?? (result.passed ? new Date() : null) }) }
  },
})
