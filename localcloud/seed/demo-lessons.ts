import { LESSON_LIBRARY } from '../../cloudfunctions/lesson/library'
import type { VersionDoc } from '../../cloudfunctions/lesson/versions'
import { DEMO_USERS } from './demo-data'

/**
 * A lesson change 周建华 (demo-editor) proposed and 张敏 (demo-staff) has yet to review, so the
 * two-person publishing of 课程管理 shows from the first start: residents see it once she approves.
 */
export function demoLessonDraft(now: Date): VersionDoc {
  const editor = DEMO_USERS.find((u) => u._id === 'demo-editor')!
  const { _id: lessonId, ...content } = LESSON_LIBRARY.find((l) => l._id === 'cpr-adult')!
  return {
    _id: 'demo-lesson-draft',
    lessonId,
    savedAt: new Date(now.getTime() - 2 * 60 * 60 * 1000),
    by: editor._id,
    byName: editor.displayName,
    changed: ['要点'],
    note: '',
    content: { ...content, keyPoints: [...content.keyPoints, '按压时大声数数，帮助保持节奏'] },
    status: 'pending',
    baseVersionId: null,
  }
}
