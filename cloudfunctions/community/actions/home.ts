import { communityInputs } from '@/domain/community/contract'
import { action } from '../../_kit/define-function'
import { communityHome } from '../home'

/** The home page's live section of any community (the app gets its home community's with `user.open`). */
export const home = action({
  input: communityInputs.home,
  audience: 'anyone',
  handler: ({ communityId }) => communityHome(communityId),
})
