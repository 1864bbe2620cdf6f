import { aedInputs } from '@/domain/aed/contract'
import { DEFAULT_INSPECTION_CYCLE } from '@/domain/aed/inspection'
import { compareForEmergency } from '@/domain/aed/readiness'
import { keywordPattern } from '@/domain/search'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { shownPhotoUrls } from '../../_kit/photo-checks'
import { aeds, openReportsOf, point, toNearby, type PublicAedDoc } from '../aeds'
import { cyclesOf } from '../cycles'

/** Candidates an emergency ranking looks at: enough that a ready device a little farther away is found, bounded whatever the data. */
const EMERGENCY_CANDIDATES = (limit: number) => Math.min(limit * 3, 50)

/**
 * The nearest verified AEDs by the database's own geo query (nearest first), each with its
 * readiness. With `emergency`, a bounded number of the nearest are re-ranked: ready and open
 * first, then the rest (see compareForEmergency).
 */
export const nearby = action({
  input: aedInputs.nearby,
  audience: 'anyone',
  async handler({ latitude, longitude, radiusMeters, limit, emergency, keyword }) {
    const pattern = keywordPattern(keyword)
    const { data } = await aeds()
      .where({
        verified: true,
        location: _.geoNear({ geometry: point(latitude, longitude), maxDistance: radiusMeters }),
        ...(pattern ? { name: db.RegExp({ regexp: pattern, options: 'i' }) } : {}),
      })
      .limit(emergency ? EMERGENCY_CANDIDATES(limit) : limit)
      .get<PublicAedDoc>()
    const [open, cycles, photos] = await Promise.all([openReportsOf(data.map((doc) => doc._id)), cyclesOf(data.map((doc) => doc.communityId)), shownPhotoUrls(data.map((doc) => doc.photo))])
    const now = new Date()
    const items = data.map((doc, i) => toNearby(doc, { latitude, longitude }, open.get(doc._id) ?? [], cycles.get(doc.communityId)?.cycle ?? DEFAULT_INSPECTION_CYCLE, now, photos[i]))
    return { items: emergency ? items.sort(compareForEmergency).slice(0, limit) : items }
  },
})
