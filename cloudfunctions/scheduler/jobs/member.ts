import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { ID_RETENTION_DAYS, withoutDoorNumber } from '@/domain/member/application'
import { _ } from '../../_kit/cloud'
import { APPLICATION_RECORD_VERSION, applications, type ApplicationDoc } from '../../member/applications'
import { eachWithin, sum, type Budget, type Job } from '../job'

/**
 * The ID number of an application turned down, or of a member who left, more than 90 days ago is
 * erased (PIPL 第十九、四十七条: kept no longer than needed); the rest of the record stays.
 */
async function eraseOldIds(budget: Budget, status: 'rejected' | 'left', since: 'reviewedAt' | 'leftAt') {
  const cutoff = dayjs().subtract(ID_RETENTION_DAYS, 'day').toDate()
  const { data } = await applications()
    .where({ status, [since]: _.lt(cutoff), idCipher: _.neq(null) })
    .limit(budget.batch)
    .get<ApplicationDoc>()
  return eachWithin(data, budget, async (application) => {
    // Only while still in that status: a resubmission in the meantime brought a new number.
    const { stats } = await applications()
      .where({ _id: application._id, status, idCipher: application.idCipher })
      .update({ data: { idCipher: null, idMasked: '已删除' } })
    return stats.updated === 1
  })
}

/**
 * Records written before version 2 lose what was collected beyond need or invented (PIPL 第六条):
 * 职业, the stored youth flag (computed when shown), the 3-year validity no rule sets, the door
 * number; dues are kept from this year on (none were recorded before).
 */
async function migrateRecords(budget: Budget) {
  const { data } = await applications().where({ recordVersion: _.neq(APPLICATION_RECORD_VERSION) }).limit(budget.batch).get<ApplicationDoc & { recordVersion?: number }>()
  const year = Number(todayInChina().slice(0, 4))
  return eachWithin(data, budget, async (doc) => {
    const { stats } = await applications()
      .where({ _id: doc._id, recordVersion: _.neq(APPLICATION_RECORD_VERSION) })
      .update({
        data: {
          occupation: _.remove(),
          youth: _.remove(),
          validUntil: _.remove(),
          address: withoutDoorNumber(doc.address),
          duesPaidThrough: doc.duesPaidThrough ?? null,
          duesTrackedFrom: year,
          recordVersion: APPLICATION_RECORD_VERSION,
        },
      })
    return stats.updated === 1
  })
}

export const memberJob: Job = {
  name: 'member',
  cadence: 'daily',
  async run(budget: Budget) {
    return sum(await eraseOldIds(budget, 'rejected', 'reviewedAt'), await eraseOldIds(budget, 'left', 'leftAt'), await migrateRecords(budget))
  },
}
