import * as v from 'valibot'
import type { AuditApi } from '../audit/contract'
import type { ActionSpec } from '../contract'
import type { CommunityHome } from './home'
import type { CommunityRef } from './types'
import { fields } from '../validation'
import { INVITABLE_ROLES, INVITE_CODE_LENGTH, type CommunityRole, type InvitableRole } from './roles'
import { settingsUpdateSchema, type CommunitySettings } from './settings'

/** A staff-side retry key: the same requestId always means the same invitation (never a second one). */
const requestId = v.pipe(v.string('请求编号格式不正确'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'))

/** An invitation code as typed: spaces and case forgiven. The bootstrap code is `<communityId>.<64 hex>`. */
const codeField = v.pipe(
  v.string('请填写邀请码'),
  v.transform((s) => s.replace(/\s+/g, '')),
  v.nonEmpty('请填写邀请码'),
  v.check((s) => new RegExp(`^[A-Za-z0-9]{${INVITE_CODE_LENGTH}}$`).test(s) || /^[A-Za-z0-9_-]{1,64}\.[0-9a-fA-F]{64}$/.test(s), `邀请码是${INVITE_CODE_LENGTH}位字母和数字`),
)

export const communityInputs = {
  dashboard: v.object({}),
  get: v.object({ communityId: fields.community() }),
  update: settingsUpdateSchema,
  invite: v.object({ communityId: fields.community(), role: v.picklist(INVITABLE_ROLES, '请选择角色'), requestId }),
  join: v.object({ code: codeField }),
  staff: v.object({ communityId: fields.community() }),
  // No requestId: removing again finds nothing more to remove (grants.ts).
  removeStaff: v.object({ communityId: fields.community(), userId: fields.id('工作人员') }),
  home: v.object({ communityId: fields.community() }),
}

/** The queues of the 工作台, each counted once for the caller's communities. */
export const DASHBOARD_QUEUES = [
  'applications',
  'volunteers',
  'wishes',
  'wishHours',
  'rosters',
  'makeups',
  'aedReports',
  'aedSuggestions',
  'photos',
  'certificates',
  'aid',
  'lessonDrafts',
] as const
export type DashboardQueue = (typeof DASHBOARD_QUEUES)[number]

export type Dashboard = {
  communities: CommunityRef[]
  /** Each queue's waiting items; `lessonDrafts` only for editors (others: absent). */
  counts: Partial<Record<DashboardQueue, number>>
}

export type SettingsView = CommunitySettings & { canManage: boolean }

export type Invitation = { code: string; communityId: string; communityName: string; role: InvitableRole; expiresAt: string }

export type StaffMember = { userId: string; displayName: string; roles: CommunityRole[]; isSelf: boolean }
export type StaffList = { communityId: string; communityName: string; items: StaffMember[]; canManage: boolean; myRoles: CommunityRole[] }

export type Joined = { communityId: string; communityName: string; role: CommunityRole }

export type CommunityApi = AuditApi & {
  dashboard: ActionSpec<v.InferInput<typeof communityInputs.dashboard>, Dashboard>
  get: ActionSpec<v.InferInput<typeof communityInputs.get>, SettingsView>
  update: ActionSpec<v.InferInput<typeof communityInputs.update>, SettingsView>
  invite: ActionSpec<v.InferInput<typeof communityInputs.invite>, Invitation>
  join: ActionSpec<v.InferInput<typeof communityInputs.join>, Joined>
  staff: ActionSpec<v.InferInput<typeof communityInputs.staff>, StaffList>
  removeStaff: ActionSpec<v.InferInput<typeof communityInputs.removeStaff>, StaffList>
  home: ActionSpec<v.InferInput<typeof communityInputs.home>, CommunityHome>
}

