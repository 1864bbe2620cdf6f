import crypto from 'node:crypto'
import { collections, db, isDuplicateKey } from './cloud'

/**
 * The audit trail (操作记录): every staff action leaves exactly one entry — who, when, what, target,
 * a short summary — and entries are never edited.
 *
 * An action declares what it did with an `AuditRule` (its `audit` in `action({...})`); the router
 * writes the entry after the action's own writes and before it answers, so nobody sees a result
 * whose entry is missing. There are no transactions: the entry's `_id` comes from the action's own
 * idempotency key (a requestId, the decided target, target + the change), so a retry of the call
 * — which the actions already make safe — writes the same `_id` again, is refused as a duplicate,
 * and fills in an entry a stopped call did not write. Never twice, never missing after a retry.
 */
export type AuditFact = {
  /**
   * The community the action concerned; null for a district-level action (then `district`) or for
   * the first-aid lesson library every community shares (no `district`).
   */
  communityId: string | null
  /** For district-level actions: the district (as communities name it, e.g. 绍兴市柯桥区). */
  district?: string
  target: string
  /** Plain Chinese, one line: 「批准入会申请：王秀英」. No ID numbers, no phone numbers. */
  summary: string
  /** What makes this action this one and no other: the same key on a retry, a new key for a new action. */
  key: string
}

/** Who acted, for rules that need it (a district-level action, an opening keyed by its viewer). */
export type AuditActor = { openid: string; districts: string[] }

type Facts = AuditFact | AuditFact[] | null

/**
 * Reads an action's input and answer and says what to record (null or []: nothing was changed or
 * revealed). Async only where the answer lacks the community (one read by id).
 */
export type AuditRule<I, O> = (input: I, output: O, actor: AuditActor) => Facts | Promise<Facts>

export type AuditDoc = {
  _id: string
  fn: string
  action: string
  /** What readers filter by: the communityId, `district:<name>` for district-level actions, or `library`. */
  scope: string
  communityId: string | null
  target: string
  summary: string
  actorOpenid: string
  actorName: string
  at: Date
}

export const auditLog = () => db.collection(collections.auditLog)

export const districtScope = (district: string) => `district:${district}`

/** The scope of entries about the shared first-aid lesson library (editors' actions). */
export const LIBRARY_SCOPE = 'library'

const scopeOf = (fact: AuditFact): string => fact.communityId ?? (fact.district ? districtScope(fact.district) : LIBRARY_SCOPE)

/** Deterministic: the same function, action and key always give the same entry id. */
export function auditIdOf(fn: string, action: string, key: string): string {
  return `au${crypto.createHash('sha256').update(`${fn}.${action}:${key}`).digest('hex').slice(0, 32)}`
}

/** A key for an action whose only identity is its content (a settings change): target + a digest of what was set. */
export function changeKey(target: string, change: unknown): string {
  return `${target}:${crypto.createHash('sha256').update(JSON.stringify(change)).digest('hex').slice(0, 16)}`
}

/**
 * A key for an opening (a full ID number shown, an export made): each opening is its own entry, but
 * a repeat of the same opening by the same person within the minute is the same one (a retried call).
 */
export function openingKey(openid: string, target: string, at = new Date()): string {
  return `${openid}:${target}:${Math.floor(at.getTime() / 60_000)}`
}

/** Writes the entries of one action; a duplicate `_id` is the retry of one already written. */
export async function writeAudit(fn: string, action: string, actor: { openid: string; name: string }, facts: AuditFact[]): Promise<void> {
  for (const fact of facts) {
    const doc: Omit<AuditDoc, 'at'> = {
      _id: auditIdOf(fn, action, fact.key),
      fn,
      action,
      scope: scopeOf(fact),
      communityId: fact.communityId,
      target: fact.target,
      summary: fact.summary,
      actorOpenid: actor.openid,
      actorName: actor.name,
    }
    try {
      await auditLog().add({ data: { ...doc, at: db.serverDate() } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
}
