import { AppError } from '@/domain/errors'
import { lessonDiff } from '@/domain/firstaid/lesson-diff'
import { lessonInputs } from '@/domain/firstaid/lessons'
import { db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { lessons } from '../lessons'
import { contentOf, findLesson, requireVersion, toVersion, versions, type VersionDoc } from '../versions'
import { readPage } from '../../_kit/pages'

/** A version (NOT_FOUND without one), and its lesson as published. */
async function versionAndLesson(versionId: string) {
  const version = await requireVersion(versionId)
  return [version, await findLesson(version.lessonId)] as const
}

/** One page of versions matching `criteria`, newest first, as the caller sees them. */
async function pageOf(criteria: Record<string, string>, page: number, pageSize: number, openid: string) {
  const { docs: data, hasMore } = await readPage<VersionDoc>(versions().where(criteria).orderBy('savedAt', 'desc'), page, pageSize)
  return { items: data.map((doc) => toVersion(doc, openid)), hasMore, page, pageSize }
}

/** Every saved version of a lesson, newest first: who, when, what changed, and whether it is published. */
export const versionList = action({
  input: lessonInputs.versions,
  audience: ['editor'],
  audit: 'read',
  handler: ({ lessonId, page, pageSize }, { openid }) => pageOf({ lessonId }, page, pageSize, openid),
})

/** The drafts waiting for a second editor, newest first. */
export const drafts = action({
  input: lessonInputs.drafts,
  audience: ['editor'],
  audit: 'read',
  handler: ({ page, pageSize }, { openid }) => pageOf({ status: 'pending' }, page, pageSize, openid),
})

/** A version beside what residents see now, part by part. */
export const draft = action({
  input: lessonInputs.draft,
  audience: ['editor'],
  audit: 'read',
  // The version, then its lesson, beside the caller's record.
  preload: ({ versionId }) => versionAndLesson(versionId),
  handler: async (_input, { openid }, [version, published]) => ({ version: toVersion(version, openid), diff: lessonDiff(published && contentOf(published), version.content) }),
})

/**
 * A second editor publishes a draft (DESIGN.md §3: medical content is published by two people).
 * The lesson's published pointer moves from the draft's base to the draft by one conditional
 * update, so of two drafts made on the same lesson only one is published and the other must be
 * redone on top of it; then the draft is marked published and the lesson's content replaced. A
 * retry after a failure between the steps finds the pointer already moved and completes them.
 */
export const approve = action({
  input: lessonInputs.approve,
  audience: ['editor'],
  // The version, then its lesson, beside the caller's record.
  preload: ({ versionId }) => versionAndLesson(versionId),
  async handler({ versionId }, ctx, [version, lesson]) {
    if (version.by === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己提交的修改，请另一位课程编辑审核')
    if (version.status === 'declined') throw new AppError('CONFLICT', '这份修改已被退回')
    if (lesson?.publishedVersionId !== versionId) {
      if (version.status === 'published') throw new AppError('CONFLICT', '这份修改已发布过，之后课程又有更新')
      const base = version.baseVersionId ?? null
      if ((lesson?.publishedVersionId ?? null) !== base) throw new AppError('CONFLICT', '课程在这份修改提交之后已经更新，请在最新内容上重新修改')
      if (lesson) {
        const { stats } = await lessons()
          .where({ _id: version.lessonId, publishedVersionId: base })
          .update({ data: { publishedVersionId: versionId } })
        if (stats.updated !== 1) throw new AppError('CONFLICT', '课程刚刚被另一份修改更新，请在最新内容上重新修改')
      } else {
        try {
          await lessons().add({ data: { _id: version.lessonId, ...version.content, publishedVersionId: versionId } })
        } catch {
          throw new AppError('CONFLICT', '这节课刚刚由另一份修改建立，请在最新内容上重新修改')
        }
      }
    }
    // The pointer moved: marking the draft published and putting its content in the lesson are
    // each safe to repeat, so they go side by side (with the audit entry, the draft's as it was marked).
    const editor = await ctx.user()
    const approval = { status: 'published' as const, approvedBy: editor._id, approvedByName: editor.displayName }
    const marked = toVersion({ ...version, ...approval }, ctx.openid)
    const [{ stats }] = await Promise.all([
      versions()
        .where({ _id: versionId, status: 'pending' })
        .update({ data: { ...approval, approvedAt: db.serverDate() } }),
      lessons().doc(version.lessonId).set({ data: { ...version.content, publishedVersionId: versionId } }),
      ctx.auditAlongside(marked),
    ])
    // Marked here: as written. Otherwise marked before (a retry): as stored.
    return stats.updated === 1 ? marked : toVersion(await requireVersion(versionId), ctx.openid)
  },
  audit: (input, out) => ({ communityId: null, target: input.versionId, summary: `审核通过并发布课程：${out.title}`, key: input.versionId }),
})

/** The author withdraws a draft, or another editor turns it down; residents never see it. */
export const decline = action({
  input: lessonInputs.decline,
  audience: ['editor'],
  // The version, beside the caller's record.
  preload: ({ versionId }) => requireVersion(versionId),
  async handler({ versionId }, ctx, found) {
    const { stats } = await versions()
      .where({ _id: versionId, status: 'pending' })
      .update({ data: { status: 'declined' } })
    // Declined here: as read, declined. Otherwise decided meanwhile: as stored.
    const version = stats.updated === 1 ? { ...found, status: 'declined' as const } : await requireVersion(versionId)
    if (stats.updated !== 1 && version.status !== 'declined') throw new AppError('CONFLICT', '这份修改已经发布')
    return toVersion(version, ctx.openid)
  },
  audit: (input, out) => ({ communityId: null, target: input.versionId, summary: `退回课程草稿：${out.title}`, key: input.versionId }),
})
