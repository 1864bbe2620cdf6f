import dayjs from 'dayjs'
import { ID_RETENTION_DAYS } from '@/domain/member/application'
import { _ } from '../../_kit/cloud'
import { applications, type ApplicationDoc } from '../../member/applications'
import { eachWithin, type Budget, type Job } from '../job'

/**
 * The ID number of an application turned down more than 90 days ago is erased (PIPL: kept no
 * longer than needed); the rest of the record stays for the applicant.
 */
export const memberJob: Job = {
  name: 'member',
  cadence: 'daily',
  async run(budget: Budget) {
    const cutoff = dayjs().subtract(ID_RETENTION_DAYS, 'day').toDate()
    const { data } = await applications()
      .where({ status: 'rejected', reviewedAt: _.lt(cutoff), idCipher: _.neq(null) })
      .limit(budget.batch)
      .get<ApplicationDoc>()
    return eachWithin(data, budget, async (application) => {
      // Only while still turned down: a resubmission in the meantime brought a new number.
      const { stats } = await applications()
        .where({ _id: application._id, status: 'rejected', idCipher: application.idCipher })
        .update({ data: { idCipher: null, idMasked: '已删除' } })
      return stats.updated === 1
    })
  },
}
