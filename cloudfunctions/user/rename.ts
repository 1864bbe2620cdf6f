import { collections, db } from '../_kit/cloud'

/**
 * A new nickname reaches the wishes that carry the person's name (as owner or as claimer), so
 * one person is not shown under a different name on each wish posted before (issue 26, item 7).
 * Two updates served by the owner and claimer indexes; the steps of a wish's history keep the
 * name they were taken under, as a record does.
 */
export async function renameOnWishes(openid: string, displayName: string): Promise<void> {
  const wishes = db.collection(collections.wishes)
  await Promise.all([
    wishes.where({ ownerOpenid: openid }).update({ data: { ownerName: displayName } }),
    wishes.where({ claimerOpenid: openid }).update({ data: { claimerName: displayName } }),
  ])
}
