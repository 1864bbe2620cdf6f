import { AppError } from '@/domain/errors'
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

type SlotsDoc = { claimSlots?: Record<string, string | null> }

const volunteers = () => db.collection(collections.volunteers)

async function slotsOf(openid: string): Promise<Record<string, string | null>> {
  const { data } = await volunteers().where({ _id: ownedId('vo', openid) }).field({ claimSlots: true }).get<SlotsDoc>()
  return data[0]?.claimSlots ?? {}
}

export async function takeClaimSlot(openid: string, wishId: string): Promise<void> {
  if (Object.values(await slotsOf(openid)).includes(wishId)) return
  for (const slot of SLOTS) {
    const { stats } = await volunteers()
      .where({ _id: ownedId('vo', openid), [`claimSlots.${slot}`]: null })
      .update({ data: { [`claimSlots.${slot}`]: wishId } })
    if (stats.updated === 1) return
  }
  throw new AppError('RATE_LIMITED', `您已同时认领了${MAX_OPEN_CLAIMS}个心愿，完成或放弃其中一个后再认领`)
}

/** Frees the slot a wish holds (claim given back, ended by the timer or the owner, or fulfilled); safe to repeat. */
export async function freeClaimSlot(openid: string | null, wishId: string): Promise<void> {
  if (!openid) return
  const slot = Object.entries(await slotsOf(openid)).find(([, held]) => held === wishId)?.[0]
  if (slot) await volunteers().where({ _id: ownedId('vo', openid), [`claimSlots.${slot}`]: wishId }).update({ data: { [`claimSlots.${slot}`]: null } })
}
