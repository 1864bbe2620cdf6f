import { AppError } from '@/domain/errors'
import type { Standing } from '@/domain/volunteer/access'
import { MAX_OPEN_CLAIMS } from '@/domain/wish/rules'
import { collections, db } from '../_kit/cloud'
import { ownedId } from '../_kit/ids'

/**
 * A volunteer holds at most MAX_OPEN_CLAIMS wishes at once (each claim reveals an owner's contact,
 * PIPL 2021 第六条). The slots are fields of the volunteer's document (`claimSlots.s0` …), each
 * taken by a conditional update while empty, so however many claims race, no more than that many
 * win. Taking a slot the wish already holds is a retry and succeeds.
 */
const SLOTS = Array.from({ length: MAX_OPEN_CLAIMS }, (_unused, i) => `s${i}`)

export type Slots = Record<string, string | null>
/** A volunteer's standing and claim slots, as one read of their document. */
export type ClaimStanding = Standing & { claimSlots?: Slots }

const volunteers = () => db.collection(collections.volunteers)

/** The volunteer's document (standing and slots), or null for someone who never registered. */
export async function claimStandingOf(openid: string): Promise<ClaimStanding | null> {
  const { data } = await volunteers().where({ _id: ownedId('vo', openid) }).limit(1).get<ClaimStanding>()
  return data[0] ?? null
}

/** The slot a wish holds among the slots as read, if any. */
export const slotHolding = (slots: Slots | undefined, wishId: string): string | undefined => Object.entries(slots ?? {}).find(([, held]) => held === wishId)?.[0]

/**
 * Takes a slot for the wish, given the slots as just read: those free then are tried first (one
 * request when nobody raced), the others after. Answers the slot taken.
 */
export async function takeClaimSlot(openid: string, wishId: string, slots: Slots | undefined): Promise<string> {
  const held = slotHolding(slots, wishId)
  if (held) return held
  const order = [...SLOTS.filter((slot) => !slots?.[slot]), ...SLOTS.filter((slot) => slots?.[slot])]
  for (const slot of order) {
    const { stats } = await volunteers()
      .where({ _id: ownedId('vo', openid), [`claimSlots.${slot}`]: null })
      .update({ data: { [`claimSlots.${slot}`]: wishId } })
    if (stats.updated === 1) return slot
  }
  throw new AppError('RATE_LIMITED', `您已同时认领了${MAX_OPEN_CLAIMS}个心愿，完成或放弃其中一个后再认领`)
}

/**
 * Frees the slot a wish holds (claim given back, ended by the timer or the owner, or fulfilled);
 * safe to repeat. `slot` when the caller already knows which (no read then).
 */
export async function freeClaimSlot(openid: string | null, wishId: string, slot?: string): Promise<void> {
  if (!openid) return
  const held = slot ?? slotHolding((await claimStandingOf(openid))?.claimSlots, wishId)
  if (held) await volunteers().where({ _id: ownedId('vo', openid), [`claimSlots.${held}`]: wishId }).update({ data: { [`claimSlots.${held}`]: null } })
}
