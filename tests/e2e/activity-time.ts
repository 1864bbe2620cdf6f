import type { LocalCloud } from '../../localcloud/server'

export const MINUTE = 60_000

/**
 * Time passes for one activity: every stored moment of it and of its sign-ups moves `minutes` back
 * (the functions read the real clock, so the activity moves instead).
 */
export function passTime(cloud: LocalCloud, activityId: string, minutes: number) {
  const back = (value: unknown) => new Date(new Date(value as string | Date).getTime() - minutes * MINUTE)
  const [activity] = cloud.store.find('activities', { _id: activityId })
  cloud.store.update('activities', { _id: activityId }, { $set: { startAt: back(activity.startAt), endAt: back(activity.endAt), signupDeadline: back(activity.signupDeadline) } })
  for (const signup of cloud.store.find('activitySignups', { activityId })) {
    const moved: Record<string, Date> = { startAt: back(signup.startAt), endAt: back(signup.endAt) }
    if (signup.checkedInAt) moved.checkedInAt = back(signup.checkedInAt)
    if (signup.signedUpAt) moved.signedUpAt = back(signup.signedUpAt)
    cloud.store.update('activitySignups', { _id: signup._id }, { $set: moved })
  }
}

/** Moves the activity so that it starts `inMinutes` from now (keeping its length). */
export function startsIn(cloud: LocalCloud, activityId: string, inMinutes: number) {
  const [activity] = cloud.store.find('activities', { _id: activityId })
  const minutesUntil = (new Date(activity.startAt as string | Date).getTime() - Date.now()) / MINUTE
  passTime(cloud, activityId, minutesUntil - inMinutes)
}
