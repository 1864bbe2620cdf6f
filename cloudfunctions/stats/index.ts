import type { StatsApi } from '@/domain/stats/contract'
import { defineFunction } from '../_kit/define-function'
import { community } from './actions/community'
import { district } from './actions/district'
import { exportCsv } from './actions/export'
import { setTargets } from './actions/set-targets'

/** 家园数据: figures derived from the data by the hourly job, the district's targets and table. */
export const main = defineFunction<StatsApi>('stats', { community, district, setTargets, export: exportCsv })
