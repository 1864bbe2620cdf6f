import { AppError } from '@/domain/errors'
import type { Certificate, Signup, SignupStatus, TrainingKind, TrainingSession } from '@/domain/firstaid/training'
import { collections, db } from '../_kit/cloud'
import { ownedId } from '../_kit/ids'
import { shownPhotoUrls, type CheckedPhoto } from '../_kit/photo-checks'

/** `dates` is absent on sessions stored before courses had several days (they ran on `date`). */
export type SessionDoc = Omit<TrainingSession, 'mine' | 'dates'> & { dates?: string[]; createdBy: string }
export type SignupDoc = Signup & { openid: string; communityId: string }
/**
 * `issuer` is absent on certificates the app used to generate; `generatedNumber` keeps such a
 * number once it was moved to 待补录 (jobs/training.ts); `recordedBy` names the staff member who
 * copied the number from the Red Cross certificate.
 */
export type CertificateDoc = Omit<Certificate, 'issuer' | 'photo'> & {
  issuer?: string | null
  openid: string
  /** The course's community, whose staff decide on the photo (absent on generated ones). */
  communityId?: string
  photo?: CheckedPhoto | null
  remindedOn: string | null
  generatedNumber?: string
  recordedBy?: string
}

export const sessions = () => db.collection(collections.trainings)
export const signups = () => db.collection(collections.signups)
export const certificates = () => db.collection(collections.certificates)

/** One sign-up per person per session: its id comes from both. */
export const signupId = (sessionId: string, openid: string) => ownedId('su', `${sessionId}:${openid}`)

export async function requireSession(sessionId: string): Promise<SessionDoc> {
  const { data } = await sessions().where({ _id: sessionId }).limit(1).get<SessionDoc>()
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这期培训')
  return data[0]
}

export async function mineOf(sessionId: string, openid: string): Promise<SignupStatus | null> {
  const { data } = await signups().where({ _id: signupId(sessionId, openid) }).get<SignupDoc>()
  return data[0]?.status ?? null
}

export function toSession(doc: SessionDoc, mine: SignupStatus | null): TrainingSession {
  const { createdBy: _createdBy, ...session } = doc
  return { ...session, dates: session.dates ?? [session.date], kind: session.kind as TrainingKind, mine }
}

/** Certificates as their holder and staff see them (a photo only once its check passed). */
export async function toCertificates(docs: CertificateDoc[]): Promise<Certificate[]> {
  const photos = await shownPhotoUrls(docs.map((doc) => doc.photo ?? null))
  return docs.map(({ _id, number, issuer, name, issuedOn, validUntil, sessionId, sessionTitle }, i) => ({
    _id, number, issuer: issuer ?? null, name, issuedOn, validUntil, sessionId, sessionTitle, photo: photos[i],
  }))
}

/** One certificate per person and course: its id comes from both (the id the app always used). */
export const certificateId = (sessionId: string, openid: string) => ownedId('ce', `${sessionId}:${openid}`)
