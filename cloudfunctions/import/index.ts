import type { ImportApi } from '@/domain/import/contract'
import { defineFunction } from '../_kit/define-function'
import { commit } from './actions/commit'
import { list } from './actions/list'
import { confirmMatch, matches } from './actions/matches'
import { preview } from './actions/preview'
import { template } from './actions/template'
import { undo } from './actions/undo'

/** A station moves in: its spreadsheets (AEDs, members, volunteers, the fund's opening) checked row by row, written once, undone within a day. */
export const main = defineFunction<ImportApi>('import', { template, preview, commit, undo, list, matches, confirmMatch })
