import type { AedApi } from '@/domain/aed/contract'
import { defineFunction } from '../_kit/define-function'
import { inspectionCycles, setInspectionCycle } from './actions/cycles'
import { get } from './actions/get'
import { dismissReport, inspect, manageList, reportList, resolveReport, save, verify } from './actions/manage'
import { mySuggestions, withdrawSuggestion } from './actions/mine'
import { nearby } from './actions/nearby'
import { report } from './actions/report'
import { suggest } from './actions/suggest'
import { dismissUnconfirmed, unconfirmedReports } from './actions/wave'

export const main = defineFunction<AedApi>('aed', { nearby, get, report, suggest, mySuggestions, withdrawSuggestion, manageList, save, verify, inspect, reports: reportList, resolveReport, dismissReport, unconfirmedReports, dismissUnconfirmed, inspectionCycles, setInspectionCycle })
