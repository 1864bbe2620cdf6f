import { _ } from '../../_kit/cloud'
import { notify } from '../../_kit/notify'
import { activities, signups, type ActivityDoc, type SignupDoc } from '../../activity/activities'
import { eachWithin, type Budget, type Job } from '../job'

/** Reminders sent at once: each waits for WeChat's answer (100–300 ms). */
const REMINDERS_AT_ONCE = 10

/** Volunteers are reminded when the start is at most this far off. */
export const REMINDER_LEAD_MS = 2 * 60 * 60_000

/**
 * Reminds each volunteer signed up for an activity starting within 2 hours, once per sign-up: the
 * sign-up is marked by the conditional update that decides to send, so overlapping runs send once.
 * Not kept to the daytime: an early activity still needs its reminder.
 */
export const activityJob: Job = {
  name: 'activity',
  cadence: 'often',
  async run(budget: Budget) {
    const now = new Date()
    const { data } = await signups()
      .where({ status: 'signed_up', reminded: false, startAt: _.gt(now).and(_.lte(new Date(now.getTime() + REMINDER_LEAD_MS))) })
      .limit(budget.batch)
      .get<SignupDoc>()
    const ids = [...new Set(data.map((s) => s.activityId))]
    const { data: docs } = ids.length ? await activities().where({ _id: _.in(ids) }).get<ActivityDoc>() : { data: [] as ActivityDoc[] }
    const byId = new Map(docs.map((d) => [d._id, d]))
    return eachWithin(data, budget, async (signup) => {
      const activity = byId.get(signup.activityId)
      if (!activity || activity.status !== 'open') return false
      const { stats } = await signups().where({ _id: signup._id, status: 'signed_up', reminded: false }).update({ data: { reminded: true } })
      if (stats.updated !== 1) return false
      await notify(signup.openid, 'activity_reminder', { activityId: activity._id, title: activity.title, address: activity.location.address, startAt: activity.startAt })
      return true
    }, { atOnce: REMINDERS_AT_ONCE })
  },
}
