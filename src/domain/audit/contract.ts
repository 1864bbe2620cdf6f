import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'

/** One line of a community's audit trail (操作记录): who did what to what, and when. Never edited. */
export type AuditEntry = {
  _id: string
  /** ISO time the action was recorded. */
  at: string
  /** The staff member's name as it was when they acted. */
  actorName: string
  /** `<function>.<action>`, e.g. `member.review`. */
  what: string
  /** The community the action concerned; null for district-level actions (区红十字会 备案导出). */
  communityId: string | null
  /** The id of what was acted on (an application, an AED, a ledger entry …). */
  target: string
  /** A short plain-Chinese summary, e.g. 「批准入会申请：王秀英」. */
  summary: string
}

export const auditInputs = {
  /** Without communityId: every community the caller may read (an admin's own, a district's all). */
  audit: v.object({ communityId: v.optional(fields.community()), page: fields.page, pageSize: fields.pageSize }),
}

export type AuditApi = {
  audit: ActionSpec<v.InferOutput<typeof auditInputs.audit>, Page<AuditEntry>>
}
