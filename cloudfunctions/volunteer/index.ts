import type { VolunteerApi } from '@/domain/volunteer/contract'
import { defineFunction } from '../_kit/define-function'
import { certificateIssuerOf, certificateQueue, issueCertificate, myCertificates, requestCertificate, setCertificateIssuer, verifyCertificate } from './actions/certificate-requests'
import { correctHours } from './actions/correct-hours'
import { exportRecords } from './actions/export-records'
import { honourBoard } from './actions/honour-board'
import { join } from './actions/join'
import { ledgerPage } from './actions/ledger'
import { list } from './actions/list'
import { mine } from './actions/mine'
import { register } from './actions/register'
import { review } from './actions/review'
import { update } from './actions/update'
import { withdraw } from './actions/withdraw'

export const main = defineFunction<VolunteerApi>('volunteer', {
  register,
  mine,
  update,
  withdraw,
  list,
  review,
  join,
  ledger: ledgerPage,
  correctHours,
  honourBoard,
  requestCertificate,
  myCertificates,
  certificateQueue,
  issueCertificate,
  verifyCertificate,
  setCertificateIssuer,
  certificateIssuer: certificateIssuerOf,
  exportRecords,
})
