import { REMINDER_LEAD_MS, reminderDueAt } from '@/domain/activity/rules'
import { _ } from '../../_kit/cloud'
import { notify } from '../../_kit/notify'
import { activities, signups, type ActivityDoc, type SignupDoc } from '../../activity/activities'
import { eachWithin, type Budget, type Job } from '../job'

/** Reminders sent at once: each waits for WeChat's answer (100–300 ms). */
const REMINDERS_AT_ONCE = 10

/** Sign-ups still to be reminded of a start after `now`. */
const unreminded = (now: Date) => signups().where({ status: 'signed_up', reminded: false, startAt: _.gt(now) })

/**
 * Reminds each volunteer signed up for an activity starting within 2 hours, once per sign-up: the
 * sign-up is marked by the conditional update that decides to send, so overlapping runs send once.
 * Not kept to the daytime: an early activity still needs its reminder. Looks every 5 minutes only
 * while a reminder is owed (its mark: a sign-up moves it to its own reminder's time, and after a
 * run it sleeps until the soonest one; #25).
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
  async next() {
    const now = new Date()
    const { data } = await unreminded(now).orderBy('startAt', 'asc').limit(1).field({ startAt: true }).get<Pick<SignupDoc, '_id' | 'startAt'>>()
    return data[0] ? reminderDueAt(new Date(data[0].startAt), now) : null
  },
}
