import { ALERT_BEACON } from '@/domain/rescue/beacon'
import { _, collections, updateOrCreate } from '../_kit/cloud'

/**
 * Moves the public count of alerts sent, which on-duty responders' apps read every 5 s instead of
 * calling this function (src/domain/rescue/beacon.ts). Written beside the recipients' records: an
 * app that sees it move asks at that look and the next. A retry moves it again: one more ask.
 */
export async function announceAlerts(): Promise<void> {
  await updateOrCreate(collections.beacons, ALERT_BEACON.id, { sent: _.inc(1) }, { sent: 1 })
}
