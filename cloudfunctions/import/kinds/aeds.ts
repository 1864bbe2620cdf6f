import { haversineMeters } from '@/domain/geo'
import { DUPLICATE_AED_METERS } from '@/domain/import/kinds'
import type { AedRow } from '@/domain/import/rows'
import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { mapWithCap } from '../../_kit/parallel'
import type { ImportDoc } from '../imports'
import { rowDocId } from '../imports'
import { markBad, type KindRules, type PlannedRow } from '../plan'

const aeds = () => db.collection(collections.aeds)
const point = (latitude: number, longitude: number) => new db.Geo.Point(longitude, latitude)

/** Requests in flight at once: 5,000 rows at 1–8 ms a request take about a second, without flooding the database. */
export const CAP = 25

/** About 22 m of latitude and 19 m of longitude at 30°N: a device's duplicates lie in its cell or the eight around it. */
const CELL_DEGREES = 0.0003
const cellOf = (lat: number, lng: number) => [Math.floor(lat / CELL_DEGREES), Math.floor(lng / CELL_DEGREES)]

/** Rows within 20 m of an earlier ok row are refused: two lines for one device. */
function markNearbyRows(rows: PlannedRow<'aeds'>[]): void {
  const grid = new Map<string, PlannedRow<'aeds'>[]>()
  for (const r of rows) {
    if (r.state !== 'ok' || !r.value) continue
    const { latitude, longitude } = r.value
    const [y, x] = cellOf(latitude, longitude)
    let twin: PlannedRow<'aeds'> | undefined
    for (let dy = -1; dy <= 1 && !twin; dy++) {
      for (let dx = -1; dx <= 1 && !twin; dx++) {
        twin = grid.get(`${y + dy},${x + dx}`)?.find((o) => o.value && haversineMeters(o.value, r.value as AedRow) < DUPLICATE_AED_METERS)
      }
    }
    if (twin) {
      markBad(r, { column: '纬度', message: `与第${twin.row}行的AED相距不到${DUPLICATE_AED_METERS}米，可能是同一台` })
      continue
    }
    const key = `${y},${x}`
    grid.set(key, [...(grid.get(key) ?? []), r])
  }
}

export const aedRules: KindRules<'aeds'> = {
  docId: (communityId, key) => rowDocId('ia', communityId, 'aeds', key),
  publicText: (v) => [v.name, v.address, v.landmark, v.floor].filter(Boolean).join(' '),
  async crossCheck(rows, communityId) {
    markNearbyRows(rows)
    // Any stored AED within 20 m, in any community, suggestions included: the same row committed
    // before is `exists`; another device there is a duplicate.
    await mapWithCap(
      rows.filter((r) => r.state === 'ok' && r.value),
      CAP,
      async (r) => {
        const { latitude, longitude } = r.value as AedRow
        const { data } = await aeds()
          .where({ location: _.geoNear({ geometry: point(latitude, longitude), maxDistance: DUPLICATE_AED_METERS }) })
          .limit(5)
          .get<{ _id: string; name: string }>()
        const own = aedRules.docId(communityId, r.key)
        if (data.some((d) => d._id === own)) r.state = 'exists'
        else if (data[0]) markBad(r, { column: '纬度', message: `与已有的AED“${data[0].name}”相距不到${DUPLICATE_AED_METERS}米，可能是同一台` })
      },
    )
  },
}

/** Writes one row under its deterministic id: true when it was added now, false when it was already there. */
export async function writeAed(r: PlannedRow<'aeds'>, doc: ImportDoc): Promise<boolean> {
  const v = r.value as AedRow
  const data = {
    _id: aedRules.docId(doc.communityId, r.key),
    name: v.name,
    communityId: doc.communityId,
    location: point(v.latitude, v.longitude),
    address: v.address,
    landmark: v.landmark,
    placement: v.placement,
    floor: v.floor,
    hours: v.hours,
    accessNotes: '',
    accessPhone: v.accessPhone || null,
    model: '',
    guardianOrg: '',
    guardianOpenid: null,
    padsExpiry: v.padsExpiry,
    batteryExpiry: v.batteryExpiry,
    lastInspection: v.lastInspection,
    status: 'available',
    // Staff vouch for their own station's list, as for a device they register by hand.
    verified: true,
    photo: null,
    history: [{ at: new Date(), event: `批量导入（第${r.row}行）`, by: doc.by, byName: `工作人员 ${doc.byName}` }],
    createdAt: db.serverDate(),
    importId: doc._id,
  }
  try {
    await aeds().add({ data })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Ids read per request (the most one get answers) and removed per request. */
const READ_PAGE = 1_000
const REMOVE_BATCH = 100

/**
 * Removes the devices this import added and nobody touched since: an AED whose history has a second
 * entry (corrected, inspected, verified on site) stays. Each removal is conditional on that, so a
 * device inspected while the undo runs is kept.
 */
export async function undoAeds(doc: ImportDoc): Promise<number> {
  const ids: string[] = []
  for (let page = 0; ; page++) {
    const { data } = await aeds().where({ importId: doc._id }).skip(page * READ_PAGE).limit(READ_PAGE).field({ _id: true }).get<{ _id: string }>()
    ids.push(...data.map((d) => d._id))
    if (data.length < READ_PAGE) break
  }
  const batches = Array.from({ length: Math.ceil(ids.length / REMOVE_BATCH) }, (_unused, i) => ids.slice(i * REMOVE_BATCH, (i + 1) * REMOVE_BATCH))
  const removed = await mapWithCap(batches, CAP, async (batch) => (await aeds().where({ _id: _.in(batch), importId: doc._id, 'history.1': _.exists(false) }).remove()).stats.removed)
  return removed.reduce((a, b) => a + b, 0)
}
