import type { ImportMatch } from '@/domain/import/contract'
import { AppError } from '@/domain/errors'
import { ledgerEntryId } from '@/domain/volunteer/ledger'
import { _, collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { credit } from '../_kit/ledger'
import { importedPeople } from './imports'
import type { ImportedPersonDoc } from './kinds/people'

/** Recent registrations looked at per community: a match is seen when the person arrives, the newest first. */
export const RECENT_REGISTRATIONS = 200
const PHONE_BATCH = 100

type Registration = { _id: string; openid: string; name: string; phone: string; communityId: string; registeredAt: Date }

const recentVolunteers = (communityId: string) =>
  db.collection(collections.volunteers).where({ communityId }).orderBy('registeredAt', 'desc').limit(RECENT_REGISTRATIONS).field({ openid: true, name: true, phone: true, communityId: true, registeredAt: true }).get<Registration>()

/**
 * Imported volunteers of these communities not yet linked whose phone someone registered with: a
 * candidate only (a phone number is not proof), shown to staff to confirm.
 */
export async function findMatches(communityIds: string[]): Promise<ImportMatch[]> {
  const found: ImportMatch[] = []
  for (const communityId of communityIds) {
    const { data: registered } = await recentVolunteers(communityId)
    const byPhone = new Map(registered.map((r) => [r.phone, r]))
    const phones = [...byPhone.keys()]
    for (let i = 0; i < phones.length; i += PHONE_BATCH) {
      const { data } = await importedPeople()
        .where({ communityId, phone: _.in(phones.slice(i, i + PHONE_BATCH)), linkedOpenid: null })
        .limit(PHONE_BATCH * 2)
        .get<ImportedPersonDoc>()
      for (const person of data) {
        const candidate = byPhone.get(person.phone)
        if (!candidate || person.kind !== 'volunteers') continue
        found.push({
          personId: person._id,
          kind: person.kind,
          communityId,
          name: person.name,
          phone: person.phone,
          detail: describe(person),
          candidateId: candidate._id,
          candidateName: candidate.name,
          candidateSince: toIso(candidate.registeredAt),
        })
      }
    }
  }
  return found
}

function describe(person: ImportedPersonDoc): string {
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

/** The registration staff confirm: a volunteer of the record's community with the record's phone. */
export async function requireCandidate(person: ImportedPersonDoc, candidateId: string): Promise<Registration> {
  const { data } = await db.collection(collections.volunteers).where({ _id: candidateId }).limit(1).get<Registration>()
  const candidate = data[0]
  if (!candidate || candidate.communityId !== person.communityId || candidate.phone !== person.phone) {
    throw new AppError('CONFLICT', '这位志愿者的手机号或社区与导入的记录不一致，不能关联')
  }
  return candidate
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
