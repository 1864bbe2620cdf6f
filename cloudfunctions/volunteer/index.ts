import type { VolunteerApi } from '@/domain/volunteer/contract'
import { defineFunction } from '../_kit/define-function'
import { issueCertificate, verifyCertificate } from './actions/certificates'
import { correctHours } from './actions/correct-hours'
import { honourBoard } from './actions/honour-board'
import { ledgerPage } from './actions/ledger'
import { list } from './actions/list'
import { mine } from './actions/mine'
import { register } from './actions/register'
import { review } from './actions/review'
import { update } from './actions/update'

export const main = defineFunction<VolunteerApi>('volunteer', {
  register,
  mine,
  update,
  list,
  review,
  ledger: ledgerPage,
  correctHours,
  honourBoard,
  issueCertificate,
  verifyCertificate,
})
