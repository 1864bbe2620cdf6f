import { AppError } from '@/domain/errors'
import type { Certificate, Signup, SignupStatus, TrainingKind, TrainingSession } from '@/domain/firstaid/training'
import { collections, db } from '../_kit/cloud'
import { ownedId } from '../_kit/ids'

export type SessionDoc = Omit<TrainingSession, 'mine'> & { createdBy: string }
export type SignupDoc = Signup & { openid: string; communityId: string }
export type CertificateDoc = Certificate & { openid: string; remindedOn: string | null }

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
  return { ...session, kind: session.kind as TrainingKind, mine }
}
