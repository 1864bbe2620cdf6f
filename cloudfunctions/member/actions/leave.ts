import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { _, collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { applications, communityFacts, findApplication, toView, UNKNOWN_COMMUNITY } from '../applications'

/**
 * 退会 (章程, member chapter: 有退会的自由): the member leaves the Red Cross and keeps the account.
 * The card is withdrawn (the record says 已退会), the member role goes, and the ID number is erased
 * `ID_RETENTION_DAYS` later by the member job; its hash is released so the number may join again.
 * One conditional update on `approved`, so a repeated tap leaves once; the role step repeats safely.
 */
export const leave = action({
  input: memberInputs.leave,
  audience: 'anyone',
  // The caller's own application, beside their user record.
  preload: (_input, openid) => findApplication({ openid }),
  async handler(_input, { openid }, doc) {
    if (!doc || (doc.status !== 'approved' && doc.status !== 'left')) throw new AppError('CONFLICT', '您还不是红十字会员，无需退会')
    const entry = { at: new Date(), action: 'left' as const, by: openid, byName: '本人' }
    const change = { status: 'left' as const, idHash: `released:${doc._id}` }
    // The record, the role and the community (for the view) side by side: the role step repeats safely.
    const [left, , facts] = await Promise.all([
      doc.status === 'approved' ? applications().where({ _id: doc._id, status: 'approved' }).update({ data: { ...change, leftAt: db.serverDate(), history: _.push(entry) } }) : null,
      db.collection(collections.users).where({ _id: openid }).update({ data: { roles: _.pull('member') } }),
      communityFacts([doc.communityId]),
    ])
    const community = facts.get(doc.communityId) ?? UNKNOWN_COMMUNITY
    // Left before (a repeated tap), or just now by this call: the record as it stands, without reading it back.
    if (!left) return toView(doc, community, { idNumber: false, phone: true })
    if (left.stats.updated === 1) return toView({ ...doc, ...change, leftAt: entry.at, history: [...(doc.history ?? []), entry] }, community, { idNumber: false, phone: true })
    // Another tap of the same person got there first: left all the same.
    const saved = await findApplication({ _id: doc._id })
    if (saved?.status !== 'left') throw new AppError('CONFLICT', '会员状态已变化，请刷新后再试')
    return toView(saved, community, { idNumber: false, phone: true })
  },
})
