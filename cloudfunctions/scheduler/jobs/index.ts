import type { Job } from '../job'
import { activityJob } from './activity'
import { aedJob } from './aed'
import { erasureJob } from './erasure'
import { certificatesJob } from './certificates'
import { ledgerJob } from './ledger'
import { memberJob } from './member'
import { outboxJob } from './outbox'
import { photoJob, verdictJob } from './photos'
import { statsJob, wantedStatsJob } from './stats'
import { rescueJob } from './rescue'
import { certificateNumbersJob, trainingJob } from './training'
import { wishJob } from './wish'

/** Every feature's scheduled work, run in this order at its cadence; a new feature adds its job here. */
export const JOBS: Job[] = [erasureJob, rescueJob, wishJob, activityJob, memberJob, aedJob, trainingJob, certificateNumbersJob, photoJob, verdictJob, ledgerJob, certificatesJob, statsJob, wantedStatsJob, outboxJob]
