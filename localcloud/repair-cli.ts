import fs from 'node:fs'
import path from 'node:path'
import { Journal } from './store/journal'

/**
 * `npm run repair -- [dataDir]`: keeps every intact record of a damaged journal and moves the
 * damaged lines aside (see `Journal.repair`). Refuses while a local cloud uses the folder.
 */
const given = process.argv[2]
// npm runs scripts from the package root; a folder typed on the command line means from where it was typed.
const dataDir = given
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), given)
  : path.resolve(process.env.DATA_DIR ?? path.join(__dirname, '..', '.data'))

if (!fs.existsSync(path.join(dataDir, 'store.ndjson'))) {
  // Most likely a mistyped folder: say so rather than report a clean journal.
  console.error(`没有找到数据日志（no journal found）: ${path.join(dataDir, 'store.ndjson')}`)
  process.exit(1)
}

try {
  const report = Journal.repair(dataDir)
  if (report.damagedFile === null) {
    console.log(`日志完好，无需修复（nothing to repair）: ${report.file}, ${report.kept} records.`)
  } else {
    const name = ({ collection, id }: { collection: string | null; id: string }) => `${collection ?? '?'}/${id}`
    const lines = report.moved
      .map(({ line, reason, collection, ids }) => `  line ${line}: ${reason}; ${ids.length > 0 ? `held ${ids.map((id) => name({ collection, id })).join(', ')}` : 'no document id readable in it'}`)
      .join('\n')
    const lost = report.lost.length > 0 ? `\n  文档丢失（documents lost）: ${report.lost.map(name).join(', ')}` : ''
    const reverted = report.reverted.length > 0 ? `\n  回到较早版本（documents back at an earlier version）: ${report.reverted.map(name).join(', ')}` : ''
    console.log(
      `日志已修复（journal repaired）: ${report.file}\n` +
        `  ${report.kept} records kept, ${report.moved.length} damaged line(s) moved to ${report.damagedFile}:\n${lines}${lost}${reverted}`,
    )
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
