import { ALERT_BEACON } from '@/domain/rescue/beacon'
import { _, collections, db, isDuplicateKey } from '../_kit/cloud'

const beacon = () => db.collection(collections.beacons)
const moved = () => beacon().where({ _id: ALERT_BEACON.id }).update({ data: { sent: _.inc(1) } })

/**
 * Moves the public count of alerts sent, which on-duty responders' apps read every 5 s instead of
 * calling this function (src/domain/rescue/beacon.ts). Written beside the recipients' records: an
 * app that sees it move asks at that look and the next. A retry moves it again: one more ask.
 */
export async function announceAlerts(): Promise<void> {
  if ((await moved()).stats.updated === 1) return
  try {
    await beacon().add({ data: { _id: ALERT_BEACON.id, sent: 1 } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await moved()
  }
}
