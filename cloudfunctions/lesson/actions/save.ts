import { lessonInputs } from '@/domain/firstaid/lessons'
import { action } from '../../_kit/define-function'
import { LESSON_LIBRARY } from '../library'
import { lessons, requireLesson, toView } from '../lessons'

/** Staff add or edit a lesson and its quiz (every answer checked to be one of its options). */
export const save = action({
  input: lessonInputs.save,
  audience: ['staff'],
  async handler({ lessonId, ...lesson }) {
    const { stats } = await lessons().where({ _id: lessonId }).update({ data: lesson })
    if (stats.updated === 0) await lessons().add({ data: { _id: lessonId, ...lesson } })
    return toView(await requireLesson(lessonId))
  },
})

export const full = action({
  input: lessonInputs.full,
  audience: ['staff'],
  handler: ({ lessonId }) => requireLesson(lessonId),
})

export const importLibrary = action({
  input: lessonInputs.importLibrary,
  audience: ['staff'],
  async handler() {
    let added = 0
    for (const lesson of LESSON_LIBRARY) {
      const { total } = await lessons().where({ _id: lesson._id }).count()
      if (total > 0) continue
      try {
        await lessons().add({ data: lesson })
        added += 1
      } catch {
        // Added by a concurrent import.
      }
    }
    return { added }
  },
})
