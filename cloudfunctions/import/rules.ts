import type { ImportKind } from '@/domain/import/kinds'
import { aedRules, CAP, undoAeds, writeAed } from './kinds/aeds'
import { fundRules, writeFund } from './kinds/fund'
import { memberRules, undoPeople, volunteerRules, writePerson } from './kinds/people'
import { aedCount, importedPeopleCount } from './counts'
import type { ImportDoc } from './imports'
import type { KindRules, PlannedRow } from './plan'
import { mapWithCap } from '../_kit/parallel'

/** How each kind is checked, written, counted and undone. */
export type KindHandling = {
  rules: KindRules<ImportKind>
  /** Writes the ok rows; retried rows land on their stored documents and add nothing. */
  write(rows: PlannedRow[], doc: ImportDoc): Promise<void>
  /** Documents this import holds now. */
  count(doc: ImportDoc): Promise<number>
  /** Removes what this import added and nobody changed since; null: this kind cannot be undone. */
  undo: ((doc: ImportDoc) => Promise<number>) | null
}

const inParallel = (write: (r: PlannedRow, doc: ImportDoc) => Promise<boolean>) => async (rows: PlannedRow[], doc: ImportDoc) => {
  await mapWithCap(rows, CAP, (r) => write(r, doc))
}

export const HANDLING: Record<ImportKind, KindHandling> = {
  aeds: { rules: aedRules as KindRules<ImportKind>, write: inParallel((r, doc) => writeAed(r as PlannedRow<'aeds'>, doc)), count: aedCount, undo: undoAeds },
  members: { rules: memberRules as KindRules<ImportKind>, write: inParallel((r, doc) => writePerson(r as PlannedRow<'members'>, doc)), count: importedPeopleCount, undo: undoPeople },
  volunteers: { rules: volunteerRules as KindRules<ImportKind>, write: inParallel((r, doc) => writePerson(r as PlannedRow<'volunteers'>, doc)), count: importedPeopleCount, undo: undoPeople },
  // The fund's ledger is never edited (两公开): a wrong entry is corrected by a reversal in 互助金, not removed.
  fund: { rules: fundRules as KindRules<ImportKind>, write: async (rows, doc) => void (await writeFund(rows as PlannedRow<'fund'>[], doc)), count: async (doc) => doc.okCount, undo: null },
}
