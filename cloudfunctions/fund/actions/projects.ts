import { AppError } from '@/domain/errors'
import { fundInputs } from '@/domain/fund/contract'
import { _ } from '../../_kit/cloud'
import { findCommunity, requireCommunity } from '../../_kit/communities'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { applyEarlyVerdicts, photoLinks, requestChecks } from '../../_kit/photo-checks'
import { requireOwnFiles } from '../../_kit/uploads'
import { currentHead } from '../append'
import { fundProjects, requireProjectOf, toProjects, type ProjectDoc } from '../projects'
import { changeKey } from '../../_kit/audit'

/**
 * Staff describe a project, its photos and where people give to it. Photos stay hidden until
 * their check passes; on an edit, photos the project already has keep their check, and only new
 * ones must be the caller's own uploads. Giving is never in this app: 慈善法 (2016)
 * art. 23, kept in the 2023 revision, has online public fundraising published on the platforms
 * the 民政部 designates, so a project carries the link to its page there (a mini-program appId
 * and path, or an https page) and staff record what arrives.
 */
export const saveProject = action({
  input: fundInputs.saveProject,
  audience: ['staff'],
  // The community, the project edited and the ledger's head, beside the caller's record (a failed look-up is read again below, to say why).
  preload: ({ communityId, projectId }) => Promise.all([findCommunity(communityId), projectId ? requireProjectOf(projectId, communityId).catch(() => null) : null, currentHead(communityId)]),
  async handler(input, ctx, [community, project, head]) {
    await ctx.requireStaffOf(input.communityId)
    if (!community) await requireCommunity(input.communityId)
    if (input.endDate < input.startDate) throw new AppError('INVALID_INPUT', '结束日期不能早于开始日期', { endDate: '结束日期不能早于开始日期' })
    if (!input.platform.appId && !input.platform.url) throw new AppError('INVALID_INPUT', '请填写募捐平台的小程序AppID或网页链接', { platform: '请填写募捐平台的小程序AppID或网页链接' })
    const edited = input.projectId ? (project ?? (await requireProjectOf(input.projectId, input.communityId))) : null
    const kept = edited ? edited.images.filter((photo) => input.images.includes(photo.fileID)) : []
    const added = input.images.filter((fileID) => !kept.some((photo) => photo.fileID === fileID))
    requireOwnFiles(ctx.openid, added)
    const [, links] = await Promise.all([requirePassingText(ctx.openid, `${input.title}\n${input.story}\n${input.platform.name}`), photoLinks(added)])
    const checking = await requestChecks(added, links, ctx.openid)
    const images = input.images.map((fileID) => kept.find((photo) => photo.fileID === fileID) ?? checking.find((photo) => photo.fileID === fileID)).filter((photo) => photo !== undefined)
    const doc: Omit<ProjectDoc, '_id'> = {
      communityId: input.communityId,
      title: input.title,
      story: input.story,
      targetFen: input.targetFen,
      startDate: input.startDate,
      endDate: input.endDate,
      platform: { name: input.platform.name, appId: input.platform.appId, path: input.platform.path, url: input.platform.url },
      images,
      updatedBy: ctx.openid,
    }
    let _id: string
    if (input.projectId) {
      _id = input.projectId
      // _.set: the platform and the photos are replaced whole, not merged field by field.
      await fundProjects().where({ _id }).update({ data: { ...doc, platform: _.set(doc.platform), images: _.set(doc.images) } })
    } else {
      _id = String((await fundProjects().add({ data: doc }))._id)
    }
    const [[saved]] = await Promise.all([toProjects([{ _id, ...doc }], head), applyEarlyVerdicts(checking)])
    return saved
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `${input.projectId ? '修改' : '新建'}募捐项目：${out.title}`, key: changeKey(out._id, input) }),
})

/** A community's projects with what was raised and spent. */
export const projects = action({
  input: fundInputs.projects,
  audience: 'anyone',
  async handler({ communityId }) {
    await requireCommunity(communityId)
    const [{ data }, head] = await Promise.all([fundProjects().where({ communityId }).limit(50).get<ProjectDoc>(), currentHead(communityId)])
    return { items: await toProjects(data, head) }
  },
})
