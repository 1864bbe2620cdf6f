import { maskName, showsClaimerPhone } from '@/domain/privacy'
import { wishServiceHours, type WishCategory, type WishHoursStatus } from '@/domain/wish/rules'
import { availableActions, canEdit, type WishAction, type WishActor, type WishStatus } from '@/domain/wish/states'
import type { WishDetail, WishHistoryEntry, WishRelation, WishSummary } from '@/domain/wish/contract'
import type { UserDoc } from '@/domain/user/types'
import { collections, db } from '../_kit/cloud'
import { todayInChina } from '@/domain/dates'
import { toIso } from '../_kit/dates'
import { ownedId } from '../_kit/ids'
import { isPending, shownPhotoUrls, type CheckedPhoto } from '../_kit/photo-checks'


/** The `wishes` document. The owner's phone lives here and leaves only for owner, claimer and staff. */
export type WishDoc = {
  _id: string
  ownerOpenid: string
  ownerName: string
  title: string
  content: string
  /** Title and start of the text, for the wall's search (wishSearchText). */
  searchText: string
  category: WishCategory
  communityId: string
  /** Kept with the wish, so showing it needs no second read. */
  communityName: string
  images: CheckedPhoto[]
  contactPhone: string
  dueDate: string | null
  status: WishStatus
  /** Sort key of the wall: open wishes first. */
  rank: number
  claimerOpenid: string | null
  claimerName: string | null
  claimedAt: Date | null
  claimDeadline: Date | null
  /** The claimer's account of it; its photos, like the wish's, stay hidden until their check passes. */
  fulfilment: { note: string; photos: CheckedPhoto[]; at: Date; minutes?: number } | null
  /**
   * Set to `pending` when the owner confirms: staff of the community then approve the reported
   * time (谁记录谁证明). Absent on wishes completed before approval existed (credited at confirm).
   */
  hoursStatus?: WishHoursStatus
  hoursReviewedBy?: string | null
  hoursReason?: string | null
  thanks: string | null
  history: Array<{ at: Date; action: WishAction | 'create' | 'edit'; to: WishStatus; by: string; byName: string; note?: string; key?: string }>
  /** Volunteers who gave a claim back after seeing the owner's contact, for staff (by openid). */
  contactReleases?: Record<string, { name: string; count: number; lastAt: Date }>
  createdAt: Date
}

export const STATUS_RANK: Record<WishStatus, number> = {
  open: 0,
  claimed: 1,
  fulfilled: 2,
  completed: 3,
  pending_review: 4,
  rejected: 5,
  removed: 8,
  cancelled: 6,
  expired: 7,
}

/** What a wish forgets when its claim ends (released by the volunteer or by the timer). */
export const UNCLAIMED = { claimerOpenid: null, claimerName: null, claimedAt: null, claimDeadline: null }

/**
 * One claim/release cycle of a volunteer on a wish per day (China time): its history entries and
 * the owner's messages are kept once, however often the cycle repeats that day.
 */
export const cycleOf = (wishId: string, openid: string, action: 'claim' | 'release') => {
  const day = todayInChina()
  return { historyKey: `${action}|${openid}|${day}`, groupId: ownedId('wu', `${wishId}|${openid}|${day}`) }
}

/** Statuses anyone may see on the wall. */
export const PUBLIC_STATUSES: WishStatus[] = ['open', 'claimed', 'fulfilled', 'completed']

export const wishes = () => db.collection(collections.wishes)

/** The caller as far as a wish cares: who they are and whether they are staff where it belongs. */
export type Caller = Pick<UserDoc, '_id' | 'roles' | 'staffCommunityIds'>

/**
 * The owner or claimer as the wish itself records them, for steps only that party may take
 * (fulfil, confirm): no user record is read, and roles do not matter to those steps.
 */
export function partyOf(wish: WishDoc, openid: string, party: 'owner' | 'claimer'): { caller: Caller; name: string } {
  const isParty = (party === 'owner' ? wish.ownerOpenid : wish.claimerOpenid) === openid
  return { caller: { _id: openid, roles: [], staffCommunityIds: [] }, name: (isParty && (party === 'owner' ? wish.ownerName : wish.claimerName)) || '' }
}

export async function findWish(wishId: string): Promise<WishDoc | null> {
  const { data } = await wishes().where({ _id: wishId }).limit(1).get<WishDoc>()
  return data[0] ?? null
}

const SUMMARY_LENGTH = 60

export function toSummary(doc: WishDoc): WishSummary {
  return {
    _id: doc._id,
    title: doc.title,
    category: doc.category,
    communityId: doc.communityId,
    communityName: doc.communityName,
    status: doc.status,
    ownerName: maskName(doc.ownerName),
    summary: doc.content.length > SUMMARY_LENGTH ? `${doc.content.slice(0, SUMMARY_LENGTH)}…` : doc.content,
    dueDate: doc.dueDate,
    claimerName: doc.claimerName ? maskName(doc.claimerName) : null,
    createdAt: toIso(doc.createdAt),
  }
}

/** Who the caller is to the wish: decides what they see and what they may do. */
export function relationOf(doc: WishDoc, user: Caller): { relation: WishRelation; actors: WishActor[] } {
  const actors: WishActor[] = []
  if (doc.ownerOpenid === user._id) actors.push('owner')
  if (doc.claimerOpenid === user._id) actors.push('claimer')
  if (user.roles.includes('volunteer') && doc.ownerOpenid !== user._id) actors.push('volunteer')
  if (user.roles.includes('staff') && user.staffCommunityIds.includes(doc.communityId)) actors.push('staff')
  const relation: WishRelation = actors.includes('owner') ? 'owner' : actors.includes('claimer') ? 'claimer' : actors.includes('staff') ? 'staff' : actors.includes('volunteer') ? 'volunteer' : 'visitor'
  return { relation, actors }
}

/** The phone a volunteer registered with (volunteers records are keyed by their openid). */
export async function volunteerPhone(openid: string): Promise<string | null> {
  const { data } = await db.collection(collections.volunteers).where({ _id: ownedId('vo', openid) }).limit(1).get<{ phone: string }>()
  return data[0]?.phone ?? null
}

/** `known.claimerPhone`: the claimer's phone when the caller already read it (beside other reads). */
export async function toDetail(doc: WishDoc, user: Caller, known: { claimerPhone?: string | null } = {}): Promise<WishDetail> {
  const { relation, actors } = relationOf(doc, user)
  // The wish's and the fulfilment's photos in one look-up; only those that passed get a link.
  const fulfilmentPhotos = doc.fulfilment?.photos ?? []
  const [urls, claimerPhone] = await Promise.all([
    shownPhotoUrls([...doc.images, ...fulfilmentPhotos]),
    showsClaimerPhone(relation, doc.status) && doc.claimerOpenid ? (known.claimerPhone !== undefined ? known.claimerPhone : volunteerPhone(doc.claimerOpenid)) : null,
  ])
  const shown = (from: number, to: number) => urls.slice(from, to).filter((url): url is string => url !== null)
  const insider = relation === 'owner' || relation === 'claimer' || relation === 'staff'
  // Residents and volunteers appear by full name only to insiders; staff and the system by role.
  const people = new Set([doc.ownerOpenid, doc.claimerOpenid, ...doc.history.filter((h) => h.action === 'claim').map((h) => h.by)])
  const history: WishHistoryEntry[] = doc.history.map(({ at, action, to, by, byName, note }) => ({
    at: toIso(at),
    action,
    to,
    by: insider || !people.has(by) ? byName : maskName(byName),
    ...(note ? { note } : {}),
  }))
  return {
    ...toSummary(doc),
    // Insiders know who is who: the owner and the claimer see their own and each other's names.
    ownerName: insider ? doc.ownerName : toSummary(doc).ownerName,
    claimerName: insider ? doc.claimerName : toSummary(doc).claimerName,
    relation,
    actions: availableActions(doc.status, actors),
    content: insider ? doc.content : toSummary(doc).summary,
    contact: insider ? { name: doc.ownerName, phone: doc.contactPhone } : null,
    claimerPhone,
    editable: canEdit(doc.status, actors),
    images: shown(0, doc.images.length),
    imagesPending: relation === 'owner' ? doc.images.filter(isPending).length : 0,
    claimDeadline: doc.claimDeadline ? toIso(doc.claimDeadline) : null,
    fulfilment: doc.fulfilment && {
      note: doc.fulfilment.note,
      photos: shown(doc.images.length, doc.images.length + fulfilmentPhotos.length),
      at: toIso(doc.fulfilment.at),
      minutes: doc.fulfilment.minutes ?? null,
    },
    serviceHours:
      doc.hoursStatus && doc.fulfilment?.minutes && (insider || doc.hoursStatus === 'approved')
        ? { hours: wishServiceHours(doc.fulfilment.minutes), status: doc.hoursStatus, reason: insider ? doc.hoursReason ?? null : null }
        : null,
    thanks: doc.thanks,
    history,
    contactReleases:
      relation === 'staff'
        ? Object.values(doc.contactReleases ?? {}).map((r) => ({ name: r.name, count: r.count, lastAt: toIso(r.lastAt) }))
        : null,
  }
}
