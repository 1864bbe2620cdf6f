import type { ImportMatch } from '@/domain/import/contract'
import { AppError } from '@/domain/errors'
import { ledgerEntryId } from '@/domain/volunteer/ledger'
import { _, collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { credit } from '../_kit/ledger'
import { notify } from '../_kit/notify'
import { grantRole } from '../_kit/users'
import { importedPeople } from './imports'
import type { ImportedPersonDoc } from './kinds/people'

/** Recent registrations looked at per community: a match is seen when the person arrives, the newest first. */
export const RECENT_REGISTRATIONS = 200
const PHONE_BATCH = 100

/** A volunteer registration or a membership application: who arrived, with which phone, since when. */
type Registration = { _id: string; openid: string; name: string; phone: string; communityId: string; since: Date; status: string }

/** Volunteers are matched with imported volunteers, pending applications with imported members. */
const SOURCES = {
  volunteers: { collection: collections.volunteers, since: 'registeredAt' },
  members: { collection: collections.applications, since: 'submittedAt' },
} as const

async function recentRegistrations(kind: keyof typeof SOURCES, communityId: string): Promise<Registration[]> {
  const { collection, since } = SOURCES[kind]
  const { data } = await db
    .collection(collection)
    .where({ communityId })
    .orderBy(since, 'desc')
    .limit(RECENT_REGISTRATIONS)
    .field({ openid: true, name: true, phone: true, communityId: true, status: true, [since]: true })
    .get<Omit<Registration, 'since'> & Record<string, unknown>>()
  return data.map((d) => ({ _id: d._id, openid: d.openid, name: d.name, phone: d.phone, communityId: d.communityId, status: d.status, since: d[since] as Date }))
}

/** Who may become the imported record: an active or pending volunteer (not one turned down or withdrawn), or an applicant not yet decided (a member already numbered keeps the number they have). */
const eligible = (kind: keyof typeof SOURCES, r: Registration) => (kind === 'members' ? r.status === 'pending' : r.status === 'active' || r.status === 'pending')

/**
 * Imported people of these communities not yet linked whose phone someone registered or applied with: a
 * candidate only (a phone number is not proof), shown to staff to confirm.
 */
export async function findMatches(communityIds: string[]): Promise<ImportMatch[]> {
  const found: ImportMatch[] = []
  for (const communityId of communityIds) {
    for (const kind of ['volunteers', 'members'] as const) {
      const registered = (await recentRegistrations(kind, communityId)).filter((r) => eligible(kind, r))
      const byPhone = new Map(registered.map((r) => [r.phone, r]))
      const phones = [...byPhone.keys()]
      for (let i = 0; i < phones.length; i += PHONE_BATCH) {
        const { data } = await importedPeople()
          .where({ communityId, phone: _.in(phones.slice(i, i + PHONE_BATCH)), linkedOpenid: null })
          .limit(PHONE_BATCH * 2)
          .get<ImportedPersonDoc>()
        for (const person of data) {
          const candidate = byPhone.get(person.phone)
          if (!candidate || person.kind !== kind) continue
          found.push({ personId: person._id, kind, communityId, name: person.name, phone: person.phone, detail: describe(person), candidateId: candidate._id, candidateName: candidate.name, candidateSince: toIso(candidate.since) })
        }
      }
    }
  }
  return found
}

function describe(person: ImportedPersonDoc): string {
  const m = person.member
  if (m) return `会员编号${m.memberNo}，${m.joinDate}入会，${m.youth ? '青少年会员' : '成人会员'}${m.duesPaidThrough ? `，会费缴至${m.duesPaidThrough}年` : ''}`
  const v = person.volunteer
  if (!v) return ''
  const hours = v.hours > 0 ? `既往服务${v.hours}小时（${v.hoursFrom}至${v.hoursTo}）` : '无既往服务时长'
  return [hours, v.skills.length ? `技能：${v.skills.join('、')}` : ''].filter(Boolean).join('；')
}

export async function requirePerson(personId: string): Promise<ImportedPersonDoc> {
  const { data } = await importedPeople().where({ _id: personId }).limit(1).get<ImportedPersonDoc>()
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这条导入的记录，可能已撤销')
  return data[0]
}

/** The registration staff confirm: of the record's community, with the record's phone, still eligible. */
export async function requireCandidate(person: ImportedPersonDoc, candidateId: string): Promise<Registration> {
  const candidate = (await recentById(person.kind, candidateId)) ?? null
  if (!candidate || candidate.communityId !== person.communityId || candidate.phone !== person.phone) {
    throw new AppError('CONFLICT', '注册的手机号或社区与导入的记录不一致，不能关联')
  }
  return candidate
}

async function recentById(kind: keyof typeof SOURCES, _id: string): Promise<Registration | undefined> {
  const { collection, since } = SOURCES[kind]
  const { data } = await db.collection(collection).where({ _id }).limit(1).get<Omit<Registration, 'since'> & Record<string, unknown>>()
  return data[0] && { _id: data[0]._id, openid: data[0].openid, name: data[0].name, phone: data[0].phone, communityId: data[0].communityId, status: data[0].status, since: data[0][since] as Date }
}

/**
 * A pending application confirmed as an imported member: approved as the member the station's own
 * records say they have been since the join date, with that member number (not a new one), the
 * dues year and the member role; told as any approval is. Each step is safe to repeat.
 */
export async function takeOverMembership(person: ImportedPersonDoc, candidate: Registration, staff: { openid: string; name: string }): Promise<void> {
  const m = person.member
  if (!m) return
  const entry = { at: new Date(), action: 'approved', by: staff.openid, byName: `工作人员 ${staff.name}`, note: `与本站导入的会员记录（${m.memberNo}）核对为同一人` }
  const { stats } = await db
    .collection(collections.applications)
    .where({ _id: candidate._id, status: 'pending' })
    .update({ data: { status: 'approved', memberNo: m.memberNo, joinedAt: m.joinDate, duesPaidThrough: m.duesPaidThrough, reviewedBy: staff.openid, reviewedAt: db.serverDate(), history: _.push(entry) } })
  await grantRole(candidate.openid, 'member', person.communityId, { displayName: candidate.name, homeCommunityId: person.communityId })
  if (stats.updated === 1) await notify(candidate.openid, 'member_review', { approved: true, memberNo: m.memberNo, reviewedAt: new Date() })
}

/**
 * What becomes theirs: the opening hours as one ledger entry 历史时长结转 with its period,
 * recorded by the staff member who imported them (谁记录谁证明, 民政部《志愿服务记录与证明出具办法》2020).
 * Idempotent: the entry's id is the record's, so a retry adds nothing.
 */
export async function carryOver(person: ImportedPersonDoc, openid: string): Promise<void> {
  const v = person.volunteer
  if (!v || v.hours <= 0 || !v.hoursFrom || !v.hoursTo) return
  await credit({
    _id: ledgerEntryId.carryover(person._id),
    openid,
    source: 'carryover',
    sourceId: person._id,
    title: '历史时长结转',
    hours: v.hours,
    reason: `加入小程序前在本站的服务时长（${v.hoursFrom}至${v.hoursTo}），由工作人员导入`,
    communityId: person.communityId,
    creditedBy: person.importedBy,
    creditedByName: person.importedByName,
    serviceFrom: v.hoursFrom,
    serviceDate: v.hoursTo,
    place: '',
    content: '历史时长结转',
  })
}
