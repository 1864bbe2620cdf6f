import { collections, db } from '../_kit/cloud'
import { importedPeople, type ImportDoc } from './imports'

/** How many of an import's documents are stored now (after a crash and a retry, or after an undo). */
export const aedCount = async (doc: ImportDoc) => (await db.collection(collections.aeds).where({ importId: doc._id }).count()).total
export const importedPeopleCount = async (doc: ImportDoc) => (await importedPeople().where({ importId: doc._id }).count()).total
