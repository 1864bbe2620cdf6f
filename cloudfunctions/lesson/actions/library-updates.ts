import { AppError } from '@/domain/errors'
import { lessonDiff } from '@/domain/firstaid/lesson-diff'
import { lessonInputs, type Lesson, type LibraryUpdate } from '@/domain/firstaid/lessons'
import { isDuplicateKey } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { LESSON_LIBRARY, type LibraryLesson } from '../library'
import { lessons } from '../lessons'
import { canonical, contentOf, libraryVersionOf, proposalBasis, propose, versions, type VersionDoc } from '../versions'

const shipped = ({ _id: _unused, ...content }: LibraryLesson) => content

/**
 * The shipped library's lessons newer than the stored ones, or not stored at all: how a corrected
 * library reaches a running station (its editors review each, side by side, and propose it).
 */
export const updates = action({
  input: lessonInputs.updates,
  audience: ['editor'],
  audit: 'read',
  async handler() {
    const [{ data: stored }, { data: pending }] = await Promise.all([
      lessons().orderBy('order', 'asc').limit(100).get<Lesson>(),
      versions().where({ status: 'pending' }).orderBy('savedAt', 'desc').limit(100).get<VersionDoc>(),
    ])
    const byId = new Map(stored.map((lesson) => [lesson._id, lesson]))
    const items: LibraryUpdate[] = []
    for (const lesson of LESSON_LIBRARY) {
      const current = byId.get(lesson._id)
      if (current && libraryVersionOf(current) >= lesson.libraryVersion) continue
      const content = shipped(lesson)
      items.push({
        lessonId: lesson._id,
        title: lesson.title,
        libraryVersion: lesson.libraryVersion,
        currentVersion: current ? libraryVersionOf(current) : null,
        proposed: pending.some((draft) => draft.lessonId === lesson._id && canonical(draft.content) === canonical(content)),
        diff: lessonDiff(current ? contentOf(current) : null, content),
      })
    }
    return { items }
  },
})

/** Proposes a shipped lesson as a draft: a new version like any save, published once a second editor approves. */
export const applyUpdate = action({
  input: lessonInputs.applyUpdate,
  audience: ['editor'],
  // The stored lesson, its drafts and the editors, beside the caller's record.
  preload: ({ lessonId }) => proposalBasis(lessonId),
  async handler({ lessonId }, ctx, basis) {
    const lesson = LESSON_LIBRARY.find((l) => l._id === lessonId)
    if (!lesson) throw new AppError('NOT_FOUND', '课程库里没有这节课')
    const current = basis.published
    if (current && libraryVersionOf(current) >= lesson.libraryVersion) throw new AppError('CONFLICT', '这节课已经是课程库的最新版本')
    return propose(lessonId, shipped(lesson), ctx, `课程库更新（第${lesson.libraryVersion}版）`, basis)
  },
  audit: (_input, out) => out.draft && { communityId: null, target: out.draft._id, summary: `提交课程库更新为草稿：${out.draft.title}`, key: out.draft._id },
})

/**
 * A new deployment copies the shipped library into its empty catalogue at once (the library is
 * the project's reviewed content). Once lessons exist, every change arrives through `updates`.
 */
export const importLibrary = action({
  input: lessonInputs.importLibrary,
  audience: ['editor'],
  // Whether the catalogue is empty, beside the caller's record.
  preload: () => lessons().count(),
  async handler(_input, _ctx, { total }) {
    if (total > 0) throw new AppError('CONFLICT', '课程库已有课程：新课程和修订请在“课程库更新”中查看并提交审核')
    // One insert per lesson (the SDK adds one document a request), all side by side.
    const added = await Promise.all(
      LESSON_LIBRARY.map((lesson) =>
        lessons()
          .add({ data: lesson })
          .then(
            () => 1,
            (error: unknown) => {
              // Added by a concurrent import.
              if (!isDuplicateKey(error)) throw error
              return 0
            },
          ),
      ),
    )
    return { added: added.reduce((sum: number, one) => sum + one, 0) }
  },
  audit: (_input, out) => ({ communityId: null, target: 'lessons', summary: `导入课程库（${out.added} 节课）`, key: 'importLibrary' }),
})
