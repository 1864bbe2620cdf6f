import { lessonInputs } from '@/domain/firstaid/lessons'
import { action } from '../../_kit/define-function'
import { LESSON_LIBRARY } from '../library'
import { lessons, requireLesson, toView } from '../lessons'

/** Staff add or edit a lesson and its quiz (every answer checked to be one of its options). */
export const save = action({
  input: lessonInputs.save,
  audience: ['staff'],
  async handler({ lessonId, ...lesson }) {
    // `set` replaces the whole lesson (creating it when new): a field or section the editor
    // removed is gone, and saving it unchanged is not mistaken for "not there".
    await lessons().doc(lessonId).set({ data: lesson })
    return toView({ _id: lessonId, ...lesson })
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
