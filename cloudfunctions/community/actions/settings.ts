import { communityInputs } from '@/domain/community/contract'
import { mayManage } from '@/domain/community/roles'
import { settingsOf } from '@/domain/community/settings'
import { _ } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { changeKey } from '../../_kit/audit'
import { action } from '../../_kit/define-function'
import { findUser } from '../../_kit/users'
import { rolesIn } from '@/domain/community/roles'
import { communities, requireManagerOf, type CommunityDoc } from '../access'
import { requireCommunity } from '../../_kit/communities'

/** 社区设置: the public settings, to anyone; whether the caller may change them. */
export const get = action({
  input: communityInputs.get,
  audience: 'anyone',
  async handler({ communityId }, ctx) {
    const [community, user] = await Promise.all([requireCommunity(communityId), findUser(ctx.openid)])
    return { ...settingsOf(community), canManage: mayManage(rolesIn(user, community)) }
  },
})

/**
 * An admin changes the settings: validated by the schema, texts others read checked first, then
 * written in one update. Nested settings are replaced whole (`_.set`), so a half-set object never
 * stays behind; the two halves of the issuer and of the privacy contact keep what was not given.
 */
export const update = action({
  input: communityInputs.update,
  audience: ['staff', 'district'],
  // The community, beside the caller's record.
  preload: ({ communityId }) => requireCommunity(communityId) as Promise<CommunityDoc>,
  async handler({ communityId, orgName, leaderName, privacyOrganisation, privacyContact, dues, ...plain }, ctx, known) {
    const { community } = await requireManagerOf(communityId, ctx, known)
    const seen = [plain.name, plain.address, plain.contact, plain.psychSupportContact, orgName, leaderName, privacyOrganisation, privacyContact].filter(Boolean).join('\n')
    if (seen) await requirePassingText(ctx.openid, seen)
    const data: Record<string, unknown> = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined))
    if (dues) data.dues = _.set(dues)
    if (orgName !== undefined || leaderName !== undefined) {
      const issuer = community.certificateIssuer ?? { orgName: '', leaderName: '', sealFileId: null }
      data.certificateIssuer = _.set({ ...issuer, ...(orgName !== undefined ? { orgName } : {}), ...(leaderName !== undefined ? { leaderName } : {}) })
    }
    if (privacyOrganisation !== undefined || privacyContact !== undefined) {
      const handler = community.privacyHandler ?? { organisation: '', contact: '' }
      data.privacyHandler = _.set({ ...handler, ...(privacyOrganisation !== undefined ? { organisation: privacyOrganisation } : {}), ...(privacyContact !== undefined ? { contact: privacyContact } : {}) })
    }
    await communities().where({ _id: communityId }).update({ data })
    const saved = (await requireCommunity(communityId)) as CommunityDoc
    return { ...settingsOf(saved), canManage: true }
  },
  audit: (input) => ({ communityId: input.communityId, target: input.communityId, summary: `修改社区设置：${Object.keys(input).filter((key) => key !== 'communityId').length} 项`, key: changeKey(input.communityId, input) }),
})
