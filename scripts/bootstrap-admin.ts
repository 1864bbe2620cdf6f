/**
 * The code that makes the first 管理员 of a community (README, 7. The first admin):
 *
 *   ID_ENCRYPTION_KEY=<the environment's key> npx tsx scripts/bootstrap-admin.ts <communityId> <用户编号>
 *
 * Locally the key is read from DATA_DIR/secrets.json (default .data) when the variable is unset.
 * The code works for that person and community only, and only while the community has no admin.
 */
import fs from 'node:fs'
import path from 'node:path'
import { bootstrapCode } from '../cloudfunctions/community/bootstrap'

function secret(): string {
  if (process.env.ID_ENCRYPTION_KEY) return process.env.ID_ENCRYPTION_KEY
  const file = path.join(path.resolve(process.env.DATA_DIR ?? '.data'), 'secrets.json')
  if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { ID_ENCRYPTION_KEY: string }).ID_ENCRYPTION_KEY
  throw new Error('Set ID_ENCRYPTION_KEY to the key of the environment (云函数 community 的环境变量), or run where DATA_DIR holds the local secrets.json')
}

const [communityId, userNumber] = process.argv.slice(2)
if (!communityId || !userNumber) {
  console.error('usage: npx tsx scripts/bootstrap-admin.ts <communityId> <用户编号 shown on 我的 → 加入工作人员>')
  process.exit(2)
}
console.log(bootstrapCode(secret(), communityId, userNumber))
