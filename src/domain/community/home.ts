import type { Figures } from '../stats/figures'

/** What the home page shows under the emergency entry: the community, alive. */
export type CommunityHome = {
  communityId: string
  communityName: string
  year: number
  /** The next activities not yet started (soonest first). */
  activities: Array<{ _id: string; title: string; startAt: string; address: string }>
  /** Wishes waiting for a volunteer (newest first). */
  wishes: Array<{ _id: string; title: string; category: string }>
  fundBalanceFen: number
  /** Three 家园数据 figures; the stats page has the rest. */
  figures: Pick<Figures, 'members' | 'volunteers' | 'hours'>
  computedAt: string | null
}
