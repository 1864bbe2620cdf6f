import { AppError } from '@/domain/errors'
import type { LessonContent } from '@/domain/firstaid/lesson-diff'
import type { Lesson, LessonVersion, VersionStatus } from '@/domain/firstaid/lessons'
import { collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import type { ActionContext } from '../_kit/define-function'
import { GUIDELINES_NAME, GUIDELINES_VERSION } from './library'
import { lessons } from './lessons'
import { editorsOf, settingsOfOthers, tellEditors, type EditorsTeam } from './tell-editors'

/**
 * A saved state of a lesson: a draft (`pending`) until a second editor approves it (`published`)
 * or it is turned down (`declined`). Versions saved before two-person publishing have no status:
 * they were published when saved. `baseVersionId` is the published version the draft was made on.
 */
export type VersionDoc = {
  _id: string
  lessonId: string
  savedAt: Date
  by: string
  byName: string
  changed: string[]
  note: string
  content: LessonContent
  status?: VersionStatus
  baseVersionId?: string | null
  approvedBy?: string
  approvedByName?: string
}

export const versions = () => db.collection(collections.lessonVersions)

/** The library version a lesson's content is based on (lessons from before versions are 1). */
export const libraryVersionOf = (content: LessonContent) => content.libraryVersion ?? 1

/** A lesson document as content: without its id and the version it was published from. */
export const contentOf = ({ _id: _id, publishedVersionId: _published, ...content }: Lesson): LessonContent => content

/** JSON with object keys in order, so the same content always reads the same. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v))

/** The parts of a lesson whose content differs, named as an editor would. */
const PARTS: Record<keyof LessonContent, string> = { title: '课程名称', summary: '简介', minutes: '时长', source: '内容来源', order: '排序', sections: '章节', keyPoints: '要点', video: '视频', quiz: '测验题', libraryVersion: '课程库版本' }

function changedParts(before: LessonContent | null, after: LessonContent): string[] {
  if (!before) return ['新建课程']
  return (Object.keys(PARTS) as Array<keyof LessonContent>).filter((key) => canonical(before[key]) !== canonical(after[key])).map((key) => PARTS[key])
}

export function toVersion(doc: VersionDoc, openid: string): LessonVersion {
  const libraryVersion = libraryVersionOf(doc.content)
  return {
    _id: doc._id,
    lessonId: doc.lessonId,
    title: doc.content.title,
    savedAt: toIso(doc.savedAt),
    by: doc.byName,
    changed: doc.changed,
    note: doc.note,
    status: doc.status ?? 'published',
    approvedBy: doc.approvedByName ?? null,
    mine: doc.by === openid,
    libraryVersion,
    outdated: libraryVersion < GUIDELINES_VERSION,
  }
}

export async function findLesson(lessonId: string): Promise<Lesson | null> {
  const { data } = await lessons().where({ _id: lessonId }).limit(1).get<Lesson>()
  return data[0] ?? null
}

export async function requireVersion(versionId: string): Promise<VersionDoc> {
  const { data } = await versions().where({ _id: versionId }).get<VersionDoc>()
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这个版本')
  return data[0]
}

/** What a proposal reads first: the lesson as published, its drafts waiting, and the editors to tell. */
export type ProposalBasis = { published: Lesson | null; pending: VersionDoc[]; team: EditorsTeam }

/** Drafts read at once: all that wait, in the common case, so they are counted by the same read. */
const WAITING_READ = 100

/** Started beside the caller's record (an action's `preload`). */
export async function proposalBasis(lessonId: string): Promise<ProposalBasis> {
  const [published, { data: waiting }, editors] = await Promise.all([
    findLesson(lessonId),
    versions().where({ status: 'pending' }).orderBy('savedAt', 'desc').limit(WAITING_READ).get<VersionDoc>(),
    editorsOf(),
  ])
  // A full read means more may wait: those are counted.
  const total = waiting.length < WAITING_READ ? waiting.length : (await versions().where({ status: 'pending' }).count()).total
  return { published, pending: waiting.filter((draft) => draft.lessonId === lessonId), team: { editors, waiting: total } }
}

/**
 * Proposes content for a lesson as a draft and tells the other editors; residents keep seeing the
 * published lesson until a second editor approves it. Nothing is recorded when the content is what residents see, and a
 * retried proposal finds its draft already there (the caller's newest pending one, same content).
 * The editors' settings are read beside the saving, their messages written beside the audit entry.
 */
export async function propose(lessonId: string, content: LessonContent, ctx: ActionContext, note: string, { published, pending, team }: ProposalBasis): Promise<{ draft: LessonVersion | null }> {
  const before = published ? contentOf(published) : null
  const changed = changedParts(before, content)
  if (changed.length === 0) return { draft: null }
  const again = pending.find((draft) => draft.by === ctx.openid && canonical(draft.content) === canonical(content))
  if (again) return { draft: toVersion(again, ctx.openid) }
  const editor = await ctx.user()
  const draft = { lessonId, savedAt: new Date(), by: editor._id, byName: editor.displayName, changed, note, content, status: 'pending' as const, baseVersionId: published?.publishedVersionId ?? null }
  const [{ _id }, settings] = await Promise.all([versions().add({ data: { ...draft, savedAt: db.serverDate() } }), settingsOfOthers(team, editor._id)])
  const out = { draft: toVersion({ _id: String(_id), ...draft }, ctx.openid) }
  await Promise.all([tellEditors(editor._id, team, settings), ctx.auditAlongside(out)])
  return out
}

/** Why an older version needs a second look before it is proposed again. */
export const OUTDATED_WARNING = `这个版本早于现行指南（${GUIDELINES_NAME}），内容可能已经过时。确认恢复后，仍需另一位编辑审核才会发布。`
