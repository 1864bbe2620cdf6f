import { _, isDuplicateKey } from '../../_kit/cloud'
import { ownedId } from '../../_kit/ids'
import { certificateRequests, certificates, pendingRequest, type CertificateDoc } from '../../volunteer/certificates'
import { volunteers } from '../../volunteer/volunteers'
import { eachWithin, type Budget, type Job } from '../job'

/** A certificate a volunteer once issued to themselves: no issuing organisation. */
type SelfIssued = Pick<CertificateDoc, '_id' | 'openid' | 'name' | 'from' | 'to'> & { communityId?: string }

/**
 * Update path for certificates volunteers issued to themselves before staff issued them (民政部令
 * 第67号 2020: 谁记录谁证明): each becomes a pending request for the same period in its holder's
 * community, for staff to reissue; the old code no longer verifies. The request has a
 * deterministic id, so a second run adds nothing.
 */
export const certificatesJob: Job = {
  name: 'certificates',
  cadence: 'daily',
  async run(budget: Budget) {
    const { data } = await certificates()
      .where({ 'issuer.orgName': _.exists(false), reissueRequestId: _.exists(false) })
      .limit(budget.batch)
      .get<SelfIssued>()
    return eachWithin(data, budget, async (old) => {
      const volunteer = await volunteerOf(old.openid)
      const request = pendingRequest({
        _id: ownedId('cr', `reissue|${old._id}`),
        openid: old.openid,
        communityId: volunteer?.communityId ?? old.communityId ?? '',
        name: volunteer?.name ?? old.name,
        from: old.from,
        to: old.to,
        idType: null,
        idNumberMasked: '',
      })
      try {
        await certificateRequests().add({ data: request })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
      const { stats } = await certificates().where({ _id: old._id, reissueRequestId: _.exists(false) }).update({ data: { reissueRequestId: request._id } })
      return stats.updated === 1
    })
  },
}

async function volunteerOf(openid: string): Promise<{ communityId: string; name: string } | undefined> {
  const { data } = await volunteers().where({ openid }).limit(1).get<{ communityId: string; name: string }>()
  return data[0]
}
