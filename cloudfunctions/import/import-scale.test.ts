import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ImportSummary, PreviewAnswer } from '@/domain/import/contract'
import { MAX_ROWS } from '@/domain/import/kinds'
import { wxServerSdk } from '../../localcloud/backend/install'
import { startTestCloud, TEST_DB_LATENCY, unwrap, type TestCloud } from '../../localcloud/testing'
import { aedSpreadsheet } from '../../scripts/import-sample'
import { uploadFolderOf } from '../_kit/uploads'

/**
 * 5,000 AED rows (issue #27: the most a file may hold) preview and commit each within the
 * function's timeout (config.json) with every database request taking `DB_LATENCY_MS`. The rates
 * are printed for the closing note and the README's figures.
 */
const TIMEOUT_MS = (JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8')) as { timeout: number }).timeout * 1000
const STAFF = 'scale-staff'
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  cloud.store.insert('communities', [{ _id: 'many', name: '大设备社区', code: 'MA', district: '绍兴市柯桥区', edition: '3.0', location: { latitude: 29.5, longitude: 119.5 }, volunteerApprovalRequired: false }])
  cloud.store.insert('users', [{ _id: STAFF, displayName: '设备管理员', roles: ['staff'], homeCommunityId: 'many', staffCommunityIds: ['many'], createdAt: new Date() }])
})
afterAll(() => cloud.stop())

test(`${MAX_ROWS} AED rows preview and commit within the function's timeout (${TIMEOUT_MS / 1000} s) under DB_LATENCY_MS=${TEST_DB_LATENCY}`, async () => {
  const bytes = await aedSpreadsheet(MAX_ROWS, { latitude: 29.5, longitude: 119.5 })
  const { fileID } = await (wxServerSdk() as unknown as { uploadFile(p: object): Promise<{ fileID: string }> }).uploadFile({ cloudPath: `${uploadFolderOf(STAFF)}/imports/many.xlsx`, fileContent: bytes })

  let started = performance.now()
  const previewed = unwrap(await cloud.call<PreviewAnswer>('import', STAFF, { action: 'preview', kind: 'aeds', communityId: 'many', fileID, fileName: 'many.xlsx' }))
  const previewMs = performance.now() - started
  expect(previewed).toMatchObject({ total: MAX_ROWS, okCount: MAX_ROWS, badCount: 0 })

  started = performance.now()
  const committed = unwrap(await cloud.call<ImportSummary>('import', STAFF, { action: 'commit', importId: previewed.importId }))
  const commitMs = performance.now() - started
  expect(committed).toMatchObject({ status: 'committed', added: MAX_ROWS })
  expect(cloud.docs('aeds').filter((a) => a.communityId === 'many')).toHaveLength(MAX_ROWS)

  const rate = (ms: number) => Math.round(MAX_ROWS / (ms / 1000))
  console.log(`[import] ${MAX_ROWS} AED rows (${Math.round(bytes.length / 1024)} KB .xlsx), DB_LATENCY_MS=${TEST_DB_LATENCY}: preview ${Math.round(previewMs)} ms (${rate(previewMs)} rows/s), commit ${Math.round(commitMs)} ms (${rate(commitMs)} rows/s); the preview estimated ${previewed.estimatedSeconds} s`)
  // The function answered on its own (a timeout is HTTP 504, which `call` throws): both well within it.
  expect(previewMs).toBeLessThan(TIMEOUT_MS)
  expect(commitMs).toBeLessThan(TIMEOUT_MS)
}, 180_000)
