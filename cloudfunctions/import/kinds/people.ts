import type { MemberRow, VolunteerRow } from '@/domain/import/rows'
import type { Skill } from '@/domain/volunteer/profile'
import { _, isDuplicateKey } from '../../_kit/cloud'
import { importedPeople, rowDocId, type ImportDoc } from '../imports'
import type { KindRules, PlannedRow } from '../plan'

/**
 * A member or volunteer a station kept on paper: a record without a WeChat identity until staff
 * confirm that someone who registered with the same phone is this person (`linkedOpenid`).
 */
export type ImportedPersonDoc = {
  _id: string
  kind: 'members' | 'volunteers'
  communityId: string
  name: string
  phone: string
  member: { memberNo: string; joinDate: string; youth: boolean; duesPaidThrough: number | null } | null
  volunteer: { skills: Skill[]; hours: number; hoursFrom: string | null; hoursTo: string | null } | null
  importId: string
  importedBy: string
  importedByName: string
  /** The person it became, once staff confirmed the match; null until then. */
  linkedOpenid: string | null
  linkedAt: Date | null
  linkedBy: string | null
  createdAt: Date
}

/** Ids asked per request: `_.in` with a hundred ids stays a small request. */
const ID_BATCH = 100

function peopleRules<K extends 'members' | 'volunteers'>(kind: K): KindRules<K> {
  const rules: KindRules<K> = {
    docId: (communityId, key) => rowDocId('ip', communityId, kind, key),
    // Names and phones are seen by the station's staff only.
    publicText: () => '',
    async crossCheck(rows, communityId) {
      const ok = rows.filter((r) => r.state === 'ok')
      for (let i = 0; i < ok.length; i += ID_BATCH) {
        const batch = ok.slice(i, i + ID_BATCH)
        const ids = new Map(batch.map((r) => [rules.docId(communityId, r.key), r]))
        const { data } = await importedPeople().where({ _id: _.in([...ids.keys()]) }).field({ _id: true }).limit(ID_BATCH).get<{ _id: string }>()
        for (const { _id } of data) {
          const r = ids.get(_id)
          if (r) r.state = 'exists'
        }
      }
    },
  }
  return rules
}

export const memberRules = peopleRules('members')
export const volunteerRules = peopleRules('volunteers')

export async function writePerson(r: PlannedRow<'members' | 'volunteers'>, doc: ImportDoc): Promise<boolean> {
  const kind = doc.kind as 'members' | 'volunteers'
  const base = { kind, communityId: doc.communityId, importId: doc._id, importedBy: doc.by, importedByName: doc.byName, linkedOpenid: null, linkedAt: null, linkedBy: null, createdAt: new Date() }
  const data =
    kind === 'members'
      ? (({ name, phone, memberNo, joinDate, youth, duesPaidThrough }: MemberRow) => ({ ...base, name, phone, member: { memberNo, joinDate, youth, duesPaidThrough }, volunteer: null }))(r.value as MemberRow)
      : (({ name, phone, skills, hours, hoursFrom, hoursTo }: VolunteerRow) => ({ ...base, name, phone, member: null, volunteer: { skills, hours, hoursFrom, hoursTo } }))(r.value as VolunteerRow)
  try {
    await importedPeople().add({ data: { _id: (kind === 'members' ? memberRules : volunteerRules).docId(doc.communityId, r.key), ...data } })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Removes the records this import added that nobody has been linked to since. */
export async function undoPeople(doc: ImportDoc): Promise<number> {
  const { stats } = await importedPeople().where({ importId: doc._id, linkedOpenid: null }).remove()
  return stats.removed
}

