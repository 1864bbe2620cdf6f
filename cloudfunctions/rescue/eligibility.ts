import { todayInChina } from '@/domain/dates'
import { eligibilityOf, INELIGIBLE_LABELS } from '@/domain/rescue/rules'
import { _ } from '../_kit/cloud'
import { certificates, type CertificateDoc } from '../training/store'

type CertificateFacts = Pick<CertificateDoc, 'openid' | 'number' | 'validUntil'>

/** The recorded 救护员证 of these people (one read, by the index on openid). */
export async function certificatesOf(openids: readonly string[]): Promise<Map<string, CertificateFacts[]>> {
  const byPerson = new Map<string, CertificateFacts[]>()
  if (!openids.length) return byPerson
  const { data } = await certificates().where({ openid: _.in([...new Set(openids)]) }).field({ openid: true, number: true, validUntil: true }).limit(1000).get<CertificateFacts>()
  for (const doc of data) byPerson.set(doc.openid, [...(byPerson.get(doc.openid) ?? []), doc])
  return byPerson
}

export type Eligibility = { eligible: boolean; why: string | null; certificateValidUntil: string | null }

/** Whether a person may respond today (from their recorded certificates), why not in words, and until when their certificate holds. */
export function eligibilityFrom(mine: readonly CertificateFacts[], medic: boolean): Eligibility {
  const today = todayInChina()
  const decided = eligibilityOf(mine, medic, today)
  const valid = mine.filter((c) => c.number && c.validUntil >= today).map((c) => c.validUntil).sort()
  return {
    eligible: decided.eligible,
    why: decided.eligible ? null : INELIGIBLE_LABELS[decided.why],
    certificateValidUntil: valid[valid.length - 1] ?? null,
  }
}
