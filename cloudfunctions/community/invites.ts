import crypto from 'node:crypto'
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, type InvitableRole } from '@/domain/community/roles'
import { collections, db } from '../_kit/cloud'

/** One invitation: a one-time code for one role in one community, valid until `expiresAt`. */
export type InviteDoc = {
  _id: string
  code: string
  communityId: string
  role: InvitableRole
  createdBy: string
  createdAt: Date
  expiresAt: Date
  usedBy: string | null
  usedAt: Date | null
}

export const invites = () => db.collection(collections.staffInvites)

/** A fresh code from a cryptographic source: 31^8 ≈ 8.5 × 10^11 codes, and wrong tries are limited. */
export function newInviteCode(): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[crypto.randomInt(INVITE_CODE_ALPHABET.length)]).join('')
}

export async function findInvite(criteria: { _id: string } | { code: string }): Promise<InviteDoc | null> {
  const { data } = await invites().where(criteria).limit(1).get<InviteDoc>()
  return data[0] ?? null
}
