import { AppError } from '@/domain/errors'
import { lessonInputs } from '@/domain/firstaid/lessons'
import { toIso } from '../../_kit/dates'
import { action } from '../../_kit/define-function'
import { requireLesson } from '../lessons'
import { OUTDATED_WARNING, proposalBasis, propose, requireVersion, toVersion } from '../versions'

/**
 * Editors propose a lesson or a change to one, with its quiz (every answer checked to be one of its
 * options). Medical content is published by two people (DESIGN.md §3): this saves a draft.
 */
export const save = action({
  input: lessonInputs.save,
  audience: ['editor'],
  // The lesson, its drafts and the editors, beside the caller's record.
  preload: ({ lessonId }) => proposalBasis(lessonId),
  handler({ lessonId, ...content }, ctx, basis) {
    // An edit keeps the library version the lesson is based on; a new lesson is the editors' own.
    const { published } = basis
    return propose(lessonId, { ...content, ...(published?.libraryVersion ? { libraryVersion: published.libraryVersion } : {}) }, ctx, '', basis)
  },
  audit: (_input, out) => out.draft && { communityId: null, target: out.draft._id, summary: `提交课程修改草稿：${out.draft.title}`, key: out.draft._id },
})

/** The lesson residents see, with its answers, for an editor changing it. */
export const full = action({
  input: lessonInputs.full,
  audience: ['editor'],
  audit: 'read',
  handler: ({ lessonId }) => requireLesson(lessonId),
})

/**
 * Proposes an earlier version again, as a draft like any save. A version older than the current
 * guidelines is proposed only once the editor has been warned (`confirmOutdated`).
 */
export const restore = action({
  input: lessonInputs.restore,
  audience: ['editor'],
  // The version, then its lesson, drafts and the editors, beside the caller's record.
  preload: async ({ versionId }) => {
    const version = await requireVersion(versionId)
    return { version, basis: await proposalBasis(version.lessonId) }
  },
  async handler({ confirmOutdated }, ctx, { version, basis }) {
    const { outdated } = toVersion(version, ctx.openid)
    if (outdated && !confirmOutdated) throw new AppError('CONFLICT', OUTDATED_WARNING)
    const note = `恢复到 ${toIso(version.savedAt).slice(0, 10)} 的版本${outdated ? '（早于现行指南）' : ''}`
    return propose(version.lessonId, version.content, ctx, note, basis)
  },
  audit: (input, out) => out.draft && { communityId: null, target: out.draft._id, summary: `恢复课程旧版本为草稿：${out.draft.title}`, key: `${input.versionId}:${out.draft._id}` },
})
