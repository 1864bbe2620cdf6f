import path from 'node:path'
import { reseed, seedIfEmpty } from './seed/seed'
import { DocumentStore } from './store/document-store'

/** `npm run seed` fills a store new in its folder; `npm run seed -- --reset` wipes it and starts over. */
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(__dirname, '..', '.data'))
const store = DocumentStore.open(dataDir)
if (process.argv.includes('--reset')) {
  reseed(store)
  console.log(`Store in ${dataDir} reset to the demo data.`)
} else {
  console.log(seedIfEmpty(store) ? `Demo data written to ${dataDir}.` : `Store in ${dataDir} existed already (only a new folder is seeded); use --reset to start over.`)
}
store.close()
