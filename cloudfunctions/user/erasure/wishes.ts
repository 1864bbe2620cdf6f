import { wishSearchText } from '@/domain/wish/rules'
import type { WishStatus } from '@/domain/wish/states'
import { _ } from '../../_kit/cloud'
import { transition } from '../../wish/transition'
import { STATUS_RANK, UNCLAIMED, wishes, type WishDoc } from '../../wish/wishes'
import { deleteFiles, eachPage, ERASED_NAME, ERASED_OPENID, ERASED_TEXT } from './erased'

/** A wish of theirs nobody has finished yet is withdrawn; the finished ones stay for the people who helped. */
const WITHDRAWN: WishStatus[] = ['pending_review', 'open', 'claimed']

/**
 * Every wish the person touched (each of their steps is in its history): a claim they hold is
 * given back at once and the owner told; then their name, phone, words and photos go from it.
 */
export async function eraseFromWishes(openid: string): Promise<void> {
  await eachPage(
    async () => (await wishes().where({ 'history.by': openid }).limit(50).get<WishDoc>()).data,
    async (found) => {
      let wish = found
      if (wish.claimerOpenid === openid && wish.status === 'claimed') {
        wish = await transition(wish, 'autoRelease', { system: true }, { set: UNCLAIMED, note: '认领的志愿者已注销账号，心愿重新开放', tell: ['owner'] }).catch(() => wish)
      }
      const owner = wish.ownerOpenid === openid
      const claimer = wish.claimerOpenid === openid
      const status: WishStatus = owner && WITHDRAWN.includes(wish.status) ? 'cancelled' : wish.status
      await deleteFiles([...(owner ? wish.images.map((p) => p.fileID) : []), ...(claimer ? (wish.fulfilment?.photos ?? []).map((p) => p.fileID) : [])])
      const content = owner ? ERASED_TEXT : wish.content
      // Their steps lose who and what they wrote; a thank-you addressed to them as the volunteer goes with them.
      const history = wish.history.map((entry) =>
        entry.by === openid ? { at: entry.at, action: entry.action, to: entry.to, by: ERASED_OPENID, byName: ERASED_NAME } : claimer && entry.action === 'confirm' ? { at: entry.at, action: entry.action, to: entry.to, by: entry.by, byName: entry.byName } : entry,
      )
      await wishes()
        .where({ _id: wish._id, status: wish.status })
        .update({
          data: {
            status,
            rank: STATUS_RANK[status],
            history: _.set(history),
            ...(owner ? { ownerOpenid: ERASED_OPENID, ownerName: ERASED_NAME, contactPhone: '', content, searchText: wishSearchText(wish.title, content), images: _.set([]), thanks: null } : {}),
            ...(claimer ? { claimerOpenid: ERASED_OPENID, claimerName: ERASED_NAME, thanks: null, ...(wish.fulfilment ? { fulfilment: _.set({ note: ERASED_TEXT, photos: [], at: wish.fulfilment.at }) } : {}) } : {}),
          },
        })
    },
  )
}
