/**
 * The one public count the app reads directly (collection `beacons`, 数据权限「所有用户可读」) to learn
 * that 紧急呼 alerts went out: an on-duty responder's app looks at it every 5 s while in front, and
 * asks the `rescue` function which alerts are theirs only when it has moved (#22, #25). It says
 * nothing about who, where or which alert.
 */
export const ALERT_BEACON = { collection: 'beacons', id: 'rescue-alerts' } as const

export type AlertBeaconDoc = { _id: typeof ALERT_BEACON.id; sent: number }
