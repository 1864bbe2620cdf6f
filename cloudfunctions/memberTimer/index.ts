import dayjs from 'dayjs'
import { ID_RETENTION_DAYS } from '@/domain/member/application'
import { _, cloud } from '../_kit/cloud'
import { applications, type ApplicationDoc } from '../member/applications'

const BATCH = 200

/**
 * Daily (config.json): the ID number of an application turned down more than 90 days ago is
 * erased (PIPL: kept no longer than needed); the rest of the record stays for the applicant. Runs
 * again where it stopped; callers from the app (with an OPENID) are refused.
 */
export async function main(): Promise<{ ok: boolean; erased?: number }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  try {
    const cutoff = dayjs().subtract(ID_RETENTION_DAYS, 'day').toDate()
    const { data } = await applications()
      .where({ status: 'rejected', reviewedAt: _.lt(cutoff), idCipher: _.neq(null) })
      .limit(BATCH)
      .get<ApplicationDoc>()
    let erased = 0
    for (const application of data) {
      // Only while still turned down: a resubmission in the meantime brought a new number.
      const { stats } = await applications()
        .where({ _id: application._id, status: 'rejected', idCipher: application.idCipher })
        .update({ data: { idCipher: null, idMasked: '已删除' } })
      erased += stats.updated
    }
    return { ok: true, erased }
  } catch (error) {
    console.error('[memberTimer] failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
