import type { MemberApi } from '@/domain/member/contract'
import { defineFunction } from '../_kit/define-function'
import { apply } from './actions/apply'
import { filing, filingExport } from './actions/filing'
import { get } from './actions/get'
import { leave } from './actions/leave'
import { list } from './actions/list'
import { mine } from './actions/mine'
import { recordDues } from './actions/record-dues'
import { review } from './actions/review'
import { setDues } from './actions/set-dues'
import { setStudent } from './actions/set-student'

export const main = defineFunction<MemberApi>('member', { apply, mine, review, list, get, leave, filing, filingExport, recordDues, setStudent, setDues })
