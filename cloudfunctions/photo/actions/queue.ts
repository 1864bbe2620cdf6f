import { PHOTO_QUEUE_SIZE, photoInputs, type WaitingPhoto } from '@/domain/photo/contract'
import type { CheckedPhoto } from '@/domain/photo/checks'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { communityOf, PHOTO_PLACES, type PhotoHolder, type PhotoPlace } from '../../_kit/photo-places'
import { temporaryUrls } from '../../_kit/temp-urls'

type Waiting = { place: PhotoPlace; doc: PhotoHolder; photo: CheckedPhoto }

/**
 * 照片审核: the photos of the caller's communities waiting for a staff decision, because WeChat's
 * check was unsure (`flagged`) or never answered (`unchecked`), each with a temporary link.
 */
export const queue = action({
  input: photoInputs.queue,
  audience: ['staff'],
  audit: 'read',
  async handler(_input, ctx) {
    const communities = await ctx.staffScope()
    if (communities.length === 0) return { items: [], total: 0 }
    const found = await Promise.all(
      PHOTO_PLACES.map(async (place): Promise<Waiting[]> => {
        const { data } = await db
          .collection(place.collection)
          .where({ [`${place.path}.status`]: 'review', [place.communityField]: _.in(communities) })
          .limit(PHOTO_QUEUE_SIZE)
          .get<PhotoHolder>()
        return data.flatMap((doc) => place.photosOf(doc).flatMap((photo) => (photo.status === 'review' ? [{ place, doc, photo }] : [])))
      }),
    )
    const waiting = found.flat().slice(0, PHOTO_QUEUE_SIZE)
    const urls = await temporaryUrls(waiting.map(({ photo }) => photo.fileID))
    const items: WaitingPhoto[] = waiting.map(({ place, doc, photo }) => ({
      place: place.key,
      docId: doc._id,
      fileID: photo.fileID,
      url: urls.get(photo.fileID) ?? null,
      title: place.titleOf(doc),
      communityId: communityOf(place, doc) ?? '',
      reason: photo.review ?? 'flagged',
    }))
    return { items, total: items.length }
  },
})
