import { collections, db } from '../../_kit/cloud'
import { eachPage, ERASED_OPENID, ERASED_TEXT } from './erased'

/**
 * 博爱互助金 aid requests: a request that was paid is part of the fund's accounts (《会计档案管理办法》
 * 2015: vouchers are kept for 30 years, and PIPL 第四十七条 lets a handler keep what a law requires
 * it to keep), so every request stays with its amount, category and the name it was paid to, but
 * without the applicant's openid, phone or the reason they wrote.
 */
export async function eraseFromFundAid(openid: string): Promise<void> {
  const aid = db.collection(collections.fundAid)
  await eachPage(
    async () => (await aid.where({ applicantOpenid: openid }).limit(50).get<{ _id: string }>()).data,
    async ({ _id }) => {
      await aid.where({ _id, applicantOpenid: openid }).update({ data: { applicantOpenid: ERASED_OPENID, phone: '', reason: ERASED_TEXT } })
    },
  )
}
