import { _, cloud } from '../_kit/cloud'
import { notify } from '../_kit/notify'
import { activities, signups, type ActivityDoc, type SignupDoc } from '../activity/activities'

/** Volunteers are reminded when the start is at most this far off. */
export const REMINDER_LEAD_MS = 2 * 60 * 60_000

/**
 * Every 10 minutes (config.json): reminds each volunteer signed up for an activity starting within
 * 2 hours, once per sign-up — the sign-up is marked in the conditional update that decides to send,
 * so overlapping or repeated runs send nothing twice. Callers from the app (with an OPENID) are refused.
 */
export async function main(): Promise<{ ok: boolean; reminded?: number }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  try {
    const now = new Date()
    const { data } = await signups()
      .where({ status: 'signed_up', reminded: false, startAt: _.gt(now).and(_.lte(new Date(now.getTime() + REMINDER_LEAD_MS))) })
      .limit(500)
      .get<SignupDoc>()
    const ids = [...new Set(data.map((s) => s.activityId))]
    const { data: docs } = ids.length ? await activities().where({ _id: _.in(ids) }).get<ActivityDoc>() : { data: [] as ActivityDoc[] }
    const byId = new Map(docs.map((d) => [d._id, d]))
    let reminded = 0
    for (const signup of data) {
      const activity = byId.get(signup.activityId)
      if (!activity || activity.status !== 'open') continue
      const { stats } = await signups().where({ _id: signup._id, status: 'signed_up', reminded: false }).update({ data: { reminded: true } })
      if (stats.updated !== 1) continue
      await notify(signup.openid, 'activity_reminder', { activityId: activity._id, title: activity.title, address: activity.location.address, startAt: activity.startAt })
      reminded += 1
    }
    return { ok: true, reminded }
  } catch (error) {
    console.error('[activityTimer] failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
