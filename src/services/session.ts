import type { CommunityHome } from '@/domain/community/home'
import type { Me, Opening } from '@/domain/user/contract'
import { callsAnswered } from './cloud-client'
import { communityService } from './community'
import { currentDevOpenid } from './dev-identity'
import { keepSubscribeTemplates, subscribeTemplatesWanted } from './subscriptions'
import { userService } from './user'

/**
 * The answer of the app's one call at opening (`user.open`, #25), kept in memory so that the
 * pages and the tab badge reuse it instead of calling again: 首页, 我的 and the badge read it while
 * it is younger than a minute (the home section's wishes change by the minute); pull-to-refresh
 * asks again.
 */
const FRESH_MS = 60_000
/** A forced refresh reuses a call still under way that started this recently: the hooks of one pull-down share one call. */
const SAME_GESTURE_MS = 2_000

/**
 * `settled`: the answer has arrived, so a forced refresh (after a change) must ask again.
 * `seen`: the calls answered when it arrived; once the app has made another (registered, joined a
 * team, read a message…) the person may have changed, so it is not reused.
 */
type Kept = { startedAt: number; person: string; answer: Promise<Opening>; settled: boolean; seen: number }

let kept: Kept | undefined
/** The last answer that arrived, with the changes the app made since (noteUnread, noteMe). */
let latest: { person: string; opening: Opening } | undefined
const listeners = new Set<(opening: Opening) => void>()

// H5's demo identities share one page: an answer is only ever reused for the person it was for.
const person = () => (process.env.TARO_ENV === 'h5' ? currentDevOpenid() : '')

function publish(opening: Opening): void {
  latest = { person: person(), opening }
  for (const listener of listeners) listener(opening)
}

function reusable(k: Kept, fresh: boolean): boolean {
  if (k.person !== person()) return false
  const age = Date.now() - k.startedAt
  // Still under way: the hooks of one page (or one pull-down) share it.
  if (!k.settled) return age < (fresh ? SAME_GESTURE_MS : FRESH_MS)
  // Arrived: reused while young, unless asked fresh or the app has made another call since.
  return !fresh && k.seen === callsAnswered() && age < FRESH_MS
}

/** What the first screen needs: the kept answer while fresh, else one call. `fresh`: pull-to-refresh or after a change. */
export function opening({ fresh = false }: { fresh?: boolean } = {}): Promise<Opening> {
  if (kept && reusable(kept, fresh)) return kept.answer
  const answer = userService.open({ templates: subscribeTemplatesWanted() }).then((value) => {
    if (value.templates) keepSubscribeTemplates(value.templates)
    if (kept?.answer === answer) {
      kept.settled = true
      kept.seen = callsAnswered()
      publish(value)
    }
    return value
  })
  kept = { startedAt: Date.now(), person: person(), answer, settled: false, seen: 0 }
  // A failed call is not kept: the next page to ask tries again.
  answer.catch(() => {
    if (kept?.answer === answer) kept = undefined
  })
  return answer
}

/** Called with every new answer and change (the tab badge follows the unread count). */
export function onOpening(listener: (opening: Opening) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Applies a change the app learnt from another answer to the kept one, so pages show it without a call. */
function amend(change: Partial<Opening>): void {
  if (!latest || latest.person !== person()) return
  const amended = { ...latest.opening, ...change }
  if (kept && kept.person === person()) kept = { ...kept, answer: Promise.resolve(amended), settled: true, seen: callsAnswered() }
  publish(amended)
}

/** The inbox answered with the server's unread count (after reading or 全部已读). */
export const noteUnread = (unread: number): void => amend({ unread })

/** 个人资料 saved: the person as the server now has them. */
export const noteMe = (me: Me): void => amend({ me })

/** A community's live home section: from the opening answer when it is the person's, else its own call. */
export async function communityHomeOf(communityId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<CommunityHome> {
  const { home } = await opening({ fresh })
  return home?.communityId === communityId ? home : communityService.home(communityId, { fresh })
}
