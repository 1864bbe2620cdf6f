import type { UserApi } from '@/domain/user/contract'
import { defineFunction } from '../_kit/define-function'
import { communities } from './actions/communities'
import { deleteAccount } from './actions/delete-account'
import { me } from './actions/me'
import { myData } from './actions/my-data'
import { open } from './actions/open'
import { updateProfile } from './actions/update-profile'

export const main = defineFunction<UserApi>('user', { me, open, communities, myData, deleteAccount, updateProfile })
