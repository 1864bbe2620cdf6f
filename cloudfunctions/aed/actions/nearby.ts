import { aedInputs } from '@/domain/aed/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { aeds, point, toNearby, type AedDoc } from '../aeds'

/** The nearest verified AEDs, nearest first, by the database's own geo query. */
export const nearby = action({
  input: aedInputs.nearby,
  audience: 'anyone',
  async handler({ latitude, longitude, radiusMeters, limit }) {
    const { data } = await aeds()
      .where({ verified: true, location: _.geoNear({ geometry: point(latitude, longitude), maxDistance: radiusMeters }) })
      .limit(limit)
      .get<AedDoc>()
    return { items: data.map((doc) => toNearby(doc, { latitude, longitude })) }
  },
})
