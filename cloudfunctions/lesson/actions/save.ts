import { AppError } from '@/domain/errors'
import { lessonInputs, type Lesson, type LessonVersion } from '@/domain/firstaid/lessons'
import { collections, db } from '../../_kit/cloud'
import { toIso } from '../../_kit/dates'
import { action, type ActionContext } from '../../_kit/define-function'
import { LESSON_LIBRARY } from '../library'
import { lessons, requireLesson, toView } from '../lessons'

type Content = Omit<Lesson, '_id'>
type VersionDoc = { _id: string; lessonId: string; savedAt: Date; by: string; byName: string; changed: string[]; note: string; content: Content }

const versions = () => db.collection(collections.lessonVersions)

/** The parts of a lesson whose content differs, named as an editor would. */
const PARTS: Record<keyof Content, string> = { title: '课程名称', summary: '简介', minutes: '时长', source: '内容来源', order: '排序', sections: '章节', keyPoints: '要点', video: '视频', quiz: '测验题', libraryVersion: '课程库版本' }

/** JSON with object keys in order, so the same content always reads the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v))

function changedParts(before: Content | null, after: Content): string[] {
  if (!before) return ['新建课程']
  return (Object.keys(PARTS) as Array<keyof Content>).filter((key) => canonical(before[key]) !== canonical(after[key])).map((key) => PARTS[key])
}

/**
 * Saves a lesson and keeps the version: who, when, what changed, and the whole content, so any
 * version can be restored. The version is written first, then `set` replaces the lesson whole; a
 * save retried after a failure between the two finds its version already the newest and does not
 * record it twice.
 */
async function saveVersion(lessonId: string, given: Content, ctx: ActionContext, note: string): Promise<Lesson> {
  const [{ data }, { data: newest }] = await Promise.all([
    lessons().where({ _id: lessonId }).get<Lesson>(),
    versions().where({ lessonId }).orderBy('savedAt', 'desc').limit(1).get<VersionDoc>(),
  ])
  const before = data[0] ? (({ _id: _unused, ...rest }) => rest)(data[0]) : null
  // An edit keeps the library version the lesson is based on.
  const content = given.libraryVersion || !before?.libraryVersion ? given : { ...given, libraryVersion: before.libraryVersion }
  const changed = changedParts(before, content)
  if (changed.length === 0) return { _id: lessonId, ...content }
  if (!newest[0] || canonical(newest[0].content) !== canonical(content)) {
    const editor = await ctx.user()
    await versions().add({ data: { lessonId, savedAt: db.serverDate(), by: editor._id, byName: editor.displayName, changed, note, content } })
  }
  await lessons().doc(lessonId).set({ data: content })
  return { _id: lessonId, ...content }
}

/** Editors add or edit a lesson and its quiz (every answer checked to be one of its options). */
export const save = action({
  input: lessonInputs.save,
  audience: ['editor'],
  async handler({ lessonId, ...content }, ctx) {
    return toView(await saveVersion(lessonId, content, ctx, ''))
  },
})

export const full = action({
  input: lessonInputs.full,
  audience: ['editor'],
  handler: ({ lessonId }) => requireLesson(lessonId),
})

export const versionList = action({
  input: lessonInputs.versions,
  audience: ['editor'],
  async handler({ lessonId, page, pageSize }) {
    const criteria = { lessonId }
    const [{ data }, { total }] = await Promise.all([
      versions().where(criteria).orderBy('savedAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get<VersionDoc>(),
      versions().where(criteria).count(),
    ])
    const items: LessonVersion[] = data.map(({ _id, savedAt, byName, changed, note }) => ({ _id, lessonId, savedAt: toIso(savedAt), by: byName, changed, note }))
    return { items, total, page, pageSize }
  },
})

export const restore = action({
  input: lessonInputs.restore,
  audience: ['editor'],
  async handler({ versionId }, ctx) {
    const { data } = await versions().where({ _id: versionId }).get<VersionDoc>()
    if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这个版本')
    const { lessonId, savedAt, content } = data[0]
    return toView(await saveVersion(lessonId, content, ctx, `恢复到 ${toIso(savedAt).slice(0, 10)} 的版本`))
  },
})

export const importLibrary = action({
  input: lessonInputs.importLibrary,
  audience: ['editor'],
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
