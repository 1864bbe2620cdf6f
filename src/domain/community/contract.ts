import * as v from 'valibot'
import type { AuditApi } from '../audit/contract'
import type { ActionSpec } from '../contract'
import { fields } from '../validation'
import type { CommunityHome } from './home'

export const communityInputs = {
  home: v.object({ communityId: fields.community() }),
}

export type CommunityApi = AuditApi & {
  home: ActionSpec<v.InferInput<typeof communityInputs.home>, CommunityHome>
}
