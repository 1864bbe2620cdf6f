import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { ownedId } from '../../_kit/ids'
import type { LedgerDoc } from '../../_kit/ledger'
import { activities, releaseSeat, signups, type SignupDoc } from '../../activity/activities'
import { eachPage, ERASED_NAME, ERASED_OPENID, ERASED_TEXT } from './erased'

const ledger = () => db.collection(collections.hoursLedger)

/**
 * Activity sign-ups: a place in an activity not yet started is given back to others; every seat
 * they held is forgotten; the sign-ups go (the hours they earned stay on the ledger, anonymous).
 */
export async function eraseActivitySignups(openid: string): Promise<void> {
  const seat = `seats.${openid}`
  await eachPage(
    async () => (await signups().where({ openid }).limit(50).get<SignupDoc>()).data,
    async (signup) => {
      if (signup.status === 'signed_up' && new Date(signup.startAt).getTime() > Date.now()) await releaseSeat(signup.activityId, openid, signup.seatToken)
      await activities().where({ _id: signup.activityId, [seat]: _.exists(true) }).update({ data: { [seat]: _.remove() } })
      await signups().where({ _id: signup._id }).remove()
    },
  )
}

/**
 * 志愿服务记录 stay for the organisation's statistics (hours served in a community, a year), without
 * who served: an entry whose `_id` names the person is written again under a derived `_id` (the
 * copy first, so a retry after a stop in between finds the copy and removes the original).
 * Entries they credited to others (as a wish's owner) lose their name.
 */
export async function eraseFromLedger(openid: string): Promise<void> {
  await eachPage(
    async () => (await ledger().where({ openid }).limit(50).get<LedgerDoc>()).data,
    async (entry) => {
      // What they wrote about the service (a wish's 完成说明) goes too; hours, date and place stay.
      const kept = { ...entry, openid: ERASED_OPENID, ...('content' in entry ? { content: ERASED_TEXT } : {}), ...(entry.creditedBy === openid ? { creditedBy: ERASED_OPENID, creditedByName: ERASED_NAME } : {}) }
      if (!entry._id.includes(openid)) {
        const { _id, ...fields } = kept
        await ledger().where({ _id }).update({ data: fields })
        return
      }
      try {
        await ledger().add({ data: { ...kept, _id: ownedId('el', entry._id) } })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
      await ledger().where({ _id: entry._id }).remove()
    },
  )
  await ledger().where({ creditedBy: openid }).update({ data: { creditedBy: ERASED_OPENID, creditedByName: ERASED_NAME } })
}

/** Their rows of the honour board (光荣榜), their profile and their 志愿服务证明 (revoked: the code no longer verifies). */
export async function eraseVolunteerRecords(openid: string): Promise<void> {
  await Promise.all([
    db.collection(collections.honourTotals).where({ openid }).remove(),
    db.collection(collections.volunteers).where({ openid }).remove(),
    db.collection(collections.serviceCertificates).where({ openid }).remove(),
  ])
}
