import { DEBRIEF_AFTER_MS, ERASE_AFTER_MS } from '@/domain/rescue/rules'
import { _ } from '../../_kit/cloud'
import { notify } from '../../_kit/notify'
import { mapWithCap } from '../../_kit/parallel'
import { settle } from '../../rescue/lifecycle'
import { alerts, dueOf, recipients, type AlertDoc } from '../../rescue/store'
import { acceptersOf } from '../../rescue/view'
import { eachWithin, type Budget, type Job } from '../job'

/** Each accepter gets the three-question debrief and the offer of 心理援建 (issue #22), once: the update that marks it decides. */
async function debrief(alert: AlertDoc, now: Date): Promise<boolean> {
  const marked = { ...alert, debriefed: true }
  const { stats } = await alerts().where({ _id: alert._id, debriefed: false }).update({ data: { debriefed: true, dueAt: dueOf(marked) } })
  if (stats.updated !== 1) return false
  const accepted = await acceptersOf(alert._id)
  await mapWithCap(accepted, 10, async (r) => {
    if (r.openid) await notify(r.openid, 'rescue_alert', { alertId: alert._id, kind: alert.kind, drill: alert.drill, step: 'debrief', at: now }, { groupId: `${r._id}-debrief` })
  })
  return true
}

/**
 * 24 h after closing only anonymous figures stay (issue #22): the raiser, the position and the
 * note leave the alert, the responders' openids leave its recipients (times, roles, answers and
 * debriefs stay). Recipients first, so a stop half way is finished by the next run.
 */
async function erase(alert: AlertDoc): Promise<boolean> {
  await recipients().where({ alertId: alert._id }).update({ data: { openid: null } })
  const { stats } = await alerts().where({ _id: alert._id, erased: false }).update({ data: { raiserOpenid: null, location: null, note: null, erased: true, dueAt: null } })
  return stats.updated === 1
}

/**
 * What alerts are owed, each at its `dueAt`: an open alert closes itself after 60 minutes,
 * accepters get the debrief 90 minutes after closing, and 24 hours after closing the personal
 * data goes. Looks every 5 minutes only while something is owed (its mark: raising an alert wakes
 * it, and after each run it sleeps until the earliest `dueAt`): at most 5 minutes late, and no
 * read of its own on a day without alerts (#25).
 */
export const rescueJob: Job = {
  name: 'rescue',
  cadence: 'often',
  async run(budget: Budget) {
    const now = new Date()
    const { data } = await alerts().where({ dueAt: _.lte(now) }).limit(budget.batch).get<AlertDoc>()
    return eachWithin(data, budget, async (found) => {
      const alert = await settle(found, now)
      if (alert.status === 'open' || !alert.closedAt) return alert !== found
      const closedFor = now.getTime() - new Date(alert.closedAt).getTime()
      if (!alert.debriefed && closedFor >= DEBRIEF_AFTER_MS) return debrief(alert, now)
      if (alert.debriefed && !alert.erased && closedFor >= ERASE_AFTER_MS) return erase(alert)
      return alert.status !== found.status
    })
  },
  async next() {
    const { data } = await alerts().where({ dueAt: _.gte(new Date(0)) }).orderBy('dueAt', 'asc').limit(1).field({ dueAt: true }).get<Pick<AlertDoc, '_id' | 'dueAt'>>()
    return data[0]?.dueAt ?? null
  },
}
