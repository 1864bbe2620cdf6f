import { AppError } from '@/domain/errors'
import { photoInputs, type PhotoPlaceKey } from '@/domain/photo/contract'
import type { PhotoHolder } from '../../_kit/photo-places'
import { db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { communityOf, photoPath, placeOf } from '../../_kit/photo-places'

const PLACE_LABELS: Record<PhotoPlaceKey, string> = { wish: '心愿', fulfilment: '心愿完成照片', aed: 'AED', aedReport: 'AED问题报告', avatar: '头像', certificate: '救护员证', fundProject: '互助金项目照片' }

/** The community whose staff decided, for the audit entry (the holder is read again by id). */
async function communityOfPhoto(key: PhotoPlaceKey, docId: string): Promise<string | null> {
  const place = placeOf(key)
  const { data } = await db.collection(place.collection).where({ _id: docId }).limit(1).get<PhotoHolder>()
  return data[0] ? communityOf(place, data[0]) : null
}

/**
 * Staff of the photo's community show (`approve`) or hide (`reject`) a photo waiting for them.
 * Only a photo still in `review` changes, in one conditional update; the same decision sent again
 * answers the same, a different one after it is refused (CONFLICT).
 */
export const decide = action({
  input: photoInputs.decide,
  audience: ['staff'],
  // The photo's holder is read beside the caller's own record.
  preload: async ({ place, docId }) => (await db.collection(placeOf(place).collection).where({ _id: docId }).limit(1).get<PhotoHolder>()).data,
  async handler({ place: key, docId, fileID, decision }, ctx, data) {
    const place = placeOf(key)
    const collection = db.collection(place.collection)
    const index = data[0] ? place.photosOf(data[0]).findIndex((photo) => photo.fileID === fileID) : -1
    if (index < 0) throw new AppError('NOT_FOUND', '没有找到这张照片')
    const community = communityOf(place, data[0])
    if (!community) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以进行这项操作')
    await ctx.requireStaffOf(community)
    const photo = place.photosOf(data[0])[index]
    if (photo.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己上传的照片，请由其他工作人员处理')

    const status: 'passed' | 'rejected' = decision === 'approve' ? 'passed' : 'rejected'
    if (photo.status === status) return { status }
    const path = photoPath(place, index)
    const { stats } = await collection
      .where({ _id: docId, [`${path}.fileID`]: fileID, [`${path}.status`]: 'review' })
      .update({ data: { [`${path}.status`]: status, [`${path}.decidedBy`]: ctx.openid } })
    if (stats.updated === 0) throw new AppError('CONFLICT', '这张照片已经处理过了')
    return { status }
  },
  audit: async (input, out) => ({ communityId: await communityOfPhoto(input.place, input.docId), target: `${input.place}:${input.docId}`, summary: `${out.status === 'passed' ? '通过' : '不通过'}照片审核（${PLACE_LABELS[input.place]}）`, key: `${input.place}:${input.docId}:${input.fileID}` }),
})
