import type { Job } from '../job'
import { activityJob } from './activity'
import { aedJob } from './aed'
import { certificatesJob } from './certificates'
import { ledgerJob } from './ledger'
import { memberJob } from './member'
import { outboxJob } from './outbox'
import { photoJob } from './photos'
import { trainingJob } from './training'
import { wishJob } from './wish'

/** Every feature's scheduled work, run in this order each minute; a new feature adds its job here. */
export const JOBS: Job[] = [wishJob, activityJob, memberJob, aedJob, trainingJob, photoJob, ledgerJob, certificatesJob, outboxJob]
