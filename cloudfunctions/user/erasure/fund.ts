import { _, collections, db } from '../../_kit/cloud'
import type { AidDoc } from '../../fund/aid-docs'
import { eachPage, ERASED_NAME, ERASED_OPENID, ERASED_TEXT } from './erased'

/**
 * 博爱互助金 aid requests stay for the fund's figures (amount, category, decision) without the
 * applicant's openid, name, phone or the reason they wrote. Aid that was paid is also an entry of
 * the ledger, recorded by staff with the name it was paid to: that entry is an accounting record
 * kept as the law requires (《会计档案管理办法》 2015: vouchers 30 years; PIPL 第四十七条) and is
 * never linked to the account.
 */
export async function eraseFromFundAid(openid: string): Promise<void> {
  const aid = db.collection(collections.fundAid)
  await eachPage(
    async () => (await aid.where({ applicantOpenid: openid }).limit(50).get<Pick<AidDoc, '_id' | 'recordedBy' | 'history'>>()).data,
    async ({ _id, recordedBy, history }) => {
      const steps = history.map((step) => (step.by === openid ? { ...step, by: ERASED_OPENID, byName: ERASED_NAME, note: '' } : step))
      await aid.where({ _id, applicantOpenid: openid }).update({
        data: { applicantOpenid: ERASED_OPENID, name: ERASED_NAME, phone: '', reason: ERASED_TEXT, history: _.set(steps), ...(recordedBy === openid ? { recordedBy: ERASED_OPENID } : {}) },
      })
    },
  )
}
