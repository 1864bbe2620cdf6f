import path from 'node:path'
import { reseed, seedIfEmpty } from './seed/seed'
import { DocumentStore } from './store/document-store'
import { Journal, JournalMissingError } from './store/journal'

/**
 * `npm run seed` fills a store new in its folder; `npm run seed -- --reset` wipes it and starts
 * over, also where the start is refused because the folder's journal is missing or emptied.
 */
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(__dirname, '..', '.data'))
const reset = process.argv.includes('--reset')

function open(): DocumentStore {
  try {
    return DocumentStore.open(dataDir)
  } catch (error) {
    if (!reset || !(error instanceof JournalMissingError)) throw error
    Journal.startOver(dataDir)
    return DocumentStore.open(dataDir)
  }
}

try {
  const store = open()
  if (reset) {
    reseed(store)
    console.log(`Store in ${dataDir} reset to the demo data.`)
  } else {
    console.log(seedIfEmpty(store) ? `Demo data written to ${dataDir}.` : `Store in ${dataDir} existed already (only a new folder is seeded); use --reset to start over.`)
  }
  store.close()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
