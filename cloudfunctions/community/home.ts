import type { CommunityHome } from '@/domain/community/home'
import { todayInChina } from '@/domain/dates'
import { collections, db } from '../_kit/cloud'
import { requireCommunity } from '../_kit/communities'
import { toIso } from '../_kit/dates'
import { askRecompute, needsRecompute, readStats, toEmptyStats } from '../stats/store'

/** Wishes and activities the home page lists. */
const SHOWN = 3

/**
 * The home page, alive: two reads side by side, whatever the data's size. The figures, the fund
 * balance and the next activities come from the 家园数据 document the stats jobs keep (activities
 * are planned days ahead; a view of figures an hour old asks for them again, one write);
 * wishes waiting for help are read live, since they are claimed within minutes. Used by `community.home` and by the app's one call at opening (`user.open`).
 */
export async function communityHome(communityId: string, now = new Date()): Promise<CommunityHome> {
  const year = Number(todayInChina(now).slice(0, 4))
  const [stats, wishes] = await Promise.all([
    readStats(communityId, year),
    db
      .collection(collections.wishes)
      .where({ status: 'open', communityId })
      .orderBy('rank', 'asc')
      .orderBy('createdAt', 'desc')
      .limit(SHOWN)
      .field({ title: true, category: true })
      .get<{ _id: string; title: string; category: string }>(),
  ])
  // Before the job's first run for this community (minutes after it is created): the name, and no figures yet.
  const shown = stats ?? toEmptyStats(await requireCommunity(communityId), year)
  if (needsRecompute(stats, now)) await askRecompute(stats, { _id: communityId, name: shown.communityName, district: shown.district }, year)
  return {
    communityId,
    communityName: shown.communityName,
    year,
    activities: shown.nextActivities
      .filter((a) => new Date(a.startAt).getTime() > now.getTime())
      .slice(0, SHOWN)
      .map((a) => ({ _id: a._id, title: a.title, startAt: toIso(a.startAt), address: a.address })),
    wishes: wishes.data.map((w) => ({ _id: w._id, title: w.title, category: w.category })),
    fundBalanceFen: shown.figures.fundBalanceFen,
    figures: { members: shown.figures.members, volunteers: shown.figures.volunteers, hours: shown.figures.hours },
    computedAt: shown.computedAt ? toIso(shown.computedAt) : null,
  }
}
