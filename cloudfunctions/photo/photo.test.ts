import { MAX_CHECK_ATTEMPTS, VERDICT_WITHIN_MS, type CheckedPhoto } from '@/domain/photo/checks'
import type { WaitingPhoto } from '@/domain/photo/contract'
import type { WishDetail } from '@/domain/wish/contract'
import { wxServerSdk } from '../../localcloud/backend/install'
import { runJob } from '../../localcloud/jobs-testing'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { uploadFolderOf } from '../_kit/uploads'
import { photoJob, verdictJob } from '../scheduler/jobs/photos'

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startTestCloud()
  cloud.store.insert('users', [
    { _id: 'staff-gy', displayName: '港越工作人员', roles: ['staff'], homeCommunityId: 'gangyue', staffCommunityIds: ['gangyue'], createdAt: new Date() },
  ])
})
afterAll(() => cloud.stop())

const upload = async (openid: string, name: string) =>
  (await (wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }).uploadFile({ cloudPath: `${uploadFolderOf(openid)}/wishes/${name}`, fileContent: Buffer.from('jpeg') })).fileID
const createWish = (openid: string, images: string[]) =>
  cloud.call<WishDetail>('wish', openid, { action: 'create', title: '帮忙换楼道灯泡', content: '3幢2单元楼道的灯坏了一个星期，晚上下楼很不方便，希望有人帮忙换一下。', category: '生活帮扶', communityId: 'dadu', contactPhone: '13957500088', images })
const imagesOf = (wishId: string) => (cloud.store.find('wishes', { _id: wishId })[0] as unknown as { images: CheckedPhoto[] }).images
const getWish = (openid: string, wishId: string) => cloud.call<WishDetail>('wish', openid, { action: 'get', wishId })
const queue = (openid: string) => cloud.call<{ items: WaitingPhoto[]; total: number }>('photo', openid, { action: 'queue' })
const decide = (openid: string, item: Pick<WaitingPhoto, 'place' | 'docId' | 'fileID'>, decision: 'approve' | 'reject') =>
  cloud.call<{ status: string }>('photo', openid, { action: 'decide', place: item.place, docId: item.docId, fileID: item.fileID, decision })
/** Lets the time to look again come now, as if the wait had passed. */
const makeDue = (wishId: string) => cloud.store.update('wishes', { _id: wishId }, { $set: { 'images.0.nextCheckAt': new Date(Date.now() - 1000) } })

afterEach(() => {
  cloud.mediaPushes.timing = { kind: 'delay', delayMs: () => 0 }
})

test('a verdict pushed before its trace id is stored is kept and applied by the writer (WeChat pushes any time within 30 minutes)', async () => {
  // The push is delivered and handled before mediaCheckAsync even answers: the wish is not stored yet.
  cloud.mediaPushes.timing = { kind: 'beforeAnswer' }
  const fileID = await upload('po-early', 'lamp.jpg')
  const created = unwrap(await createWish('po-early', [fileID]))
  const [image] = imagesOf(created._id)
  expect(cloud.store.find('mediaVerdicts', { _id: image.traceId })).toEqual([expect.objectContaining({ suggest: 'pass' })])
  expect(image).toMatchObject({ status: 'passed', nextCheckAt: null })
  expect(unwrap(await getWish('po-early', created._id)).images).toEqual([expect.stringContaining('/wishes/lamp.jpg')])
})

test('a verdict pushed after the trace id is stored is applied by the push, once', async () => {
  // Held back and pushed by hand once the wish is stored: a timed push could land first on a loaded machine.
  cloud.mediaPushes.timing = { kind: 'never' }
  const fileID = await upload('po-late', 'lamp.jpg')
  const created = unwrap(await createWish('po-late', [fileID]))
  const [checking] = imagesOf(created._id)
  expect(checking.status).toBe('checking')
  const push = (suggest: string) => ({ MsgType: 'event', Event: 'wxa_media_check', trace_id: checking.traceId, version: 2, result: { suggest, label: suggest === 'pass' ? 100 : 20002 } })
  expect(await cloud.functions.invoke('mediaCheck', push('pass'), '')).toEqual({ ok: true, updated: 1 })
  const [image] = imagesOf(created._id)
  expect(image.status).toBe('passed')
  // A replay of the same push changes nothing.
  expect(await cloud.functions.invoke('mediaCheck', push('risky'), '')).toEqual({ ok: true, updated: 0 })
  expect(imagesOf(created._id)[0].status).toBe('passed')
})

test('a photo stuck in checking is asked about again with backoff, then goes to staff, who approve it', async () => {
  cloud.mediaPushes.timing = { kind: 'never' }
  const fileID = await upload('po-stuck', 'lamp.jpg')
  const created = unwrap(await createWish('po-stuck', [fileID]))
  const first = imagesOf(created._id)[0]
  expect(first).toMatchObject({ status: 'checking', attempts: 1, traceId: expect.any(String) })
  // Not due before WeChat's 30 minutes are over: nothing is asked again.
  expect(new Date(first.nextCheckAt as Date).getTime() - Date.now()).toBeGreaterThan(VERDICT_WITHIN_MS - 60_000)
  await runJob(photoJob)
  expect(imagesOf(created._id)[0]).toEqual(first)

  const traceIds = [first.traceId]
  let wait = VERDICT_WITHIN_MS
  for (let attempt = 2; attempt <= MAX_CHECK_ATTEMPTS; attempt += 1) {
    makeDue(created._id)
    const before = Date.now()
    expect((await runJob(photoJob)).done).toBeGreaterThanOrEqual(1)
    const image = imagesOf(created._id)[0]
    wait *= 2
    expect(image).toMatchObject({ status: 'checking', attempts: attempt })
    expect(traceIds).not.toContain(image.traceId)
    traceIds.push(image.traceId)
    // Backoff: each wait twice the one before.
    expect(new Date(image.nextCheckAt as Date).getTime() - before).toBeGreaterThanOrEqual(wait - 1000)
  }
  // Asked often enough: the next look hands it to staff instead of hiding it for good.
  makeDue(created._id)
  await runJob(photoJob)
  expect(imagesOf(created._id)[0]).toMatchObject({ status: 'review', review: 'unchecked', nextCheckAt: null, attempts: MAX_CHECK_ATTEMPTS })
  expect(unwrap(await getWish('po-stuck', created._id)).imagesPending).toBe(1)

  const waiting = unwrap(await queue('demo-staff')).items.find((item) => item.docId === created._id)
  expect(waiting).toMatchObject({ place: 'wish', fileID, reason: 'unchecked', communityId: 'dadu', url: expect.stringContaining('/wishes/lamp.jpg') })
  expect(unwrap(await decide('demo-staff', waiting!, 'approve'))).toEqual({ status: 'passed' })
  expect(unwrap(await getWish('demo-resident', created._id)).images).toEqual([expect.stringContaining('/wishes/lamp.jpg')])
  expect(unwrap(await queue('demo-staff')).items.find((item) => item.docId === created._id)).toBeUndefined()
})

test('a check request that failed is due again within minutes (for the next hourly run); a verdict pushed before the retry is stored is applied', async () => {
  cloud.mediaPushes.timing = { kind: 'never' }
  const sdk = wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }>; deleteFile(p: object): Promise<unknown> }
  const fileID = await upload('po-failed', 'lamp.jpg')
  const created = unwrap(await createWish('po-failed', [fileID]))
  const first = imagesOf(created._id)[0]
  // The file cannot be fetched for the next request: it fails, and the earlier trace id is kept (its verdict may still come).
  await sdk.deleteFile({ fileList: [fileID] })
  makeDue(created._id)
  const before = Date.now()
  await runJob(photoJob)
  const failed = imagesOf(created._id)[0]
  expect(failed).toMatchObject({ status: 'checking', attempts: 2, traceId: first.traceId })
  expect(new Date(failed.nextCheckAt as Date).getTime() - before).toBeLessThan(5 * 60_000)

  await sdk.uploadFile({ cloudPath: fileID.replace(/^cloud:\/\/[^/]+\//, ''), fileContent: Buffer.from('jpeg') })
  cloud.mediaPushes.timing = { kind: 'beforeAnswer' }
  makeDue(created._id)
  await runJob(photoJob)
  expect(imagesOf(created._id)[0]).toMatchObject({ status: 'passed', attempts: 3, nextCheckAt: null })
})

describe('review verdicts go to staff of the photo’s community', () => {
  let item: WaitingPhoto
  let wishId: string
  beforeAll(async () => {
    cloud.mediaPushes.timing = { kind: 'beforeAnswer' }
    wishId = unwrap(await createWish('po-review', [await upload('po-review', 'review-me.jpg')]))._id
    item = unwrap(await queue('demo-staff')).items.find((waiting) => waiting.docId === wishId)!
  })

  test('the unsure photo waits in the queue, hidden', async () => {
    expect(imagesOf(wishId)[0]).toMatchObject({ status: 'review', review: 'flagged' })
    expect(item).toMatchObject({ place: 'wish', reason: 'flagged', title: expect.stringContaining('帮忙换楼道灯泡') })
    expect(unwrap(await getWish('demo-resident', wishId)).images).toEqual([])
  })

  test.each([
    ['a resident', 'demo-resident'],
    ['staff of another community', 'staff-gy'],
  ])('%s may not decide: FORBIDDEN, nothing changes', async (_who, openid) => {
    expect(await decide(openid, item, 'approve')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(imagesOf(wishId)[0].status).toBe('review')
  })

  test('a resident may not see the queue; staff of another community see none of it', async () => {
    expect(await queue('demo-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(unwrap(await queue('staff-gy')).items.find((waiting) => waiting.docId === wishId)).toBeUndefined()
  })

  test('staff reject: it stays hidden; the same decision again answers the same; the other is refused', async () => {
    expect(unwrap(await decide('demo-staff', item, 'reject'))).toEqual({ status: 'rejected' })
    expect(unwrap(await decide('demo-staff', item, 'reject'))).toEqual({ status: 'rejected' })
    expect(await decide('demo-staff', item, 'approve')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(imagesOf(wishId)[0]).toMatchObject({ status: 'rejected', decidedBy: 'demo-staff' })
    expect(unwrap(await getWish('demo-resident', wishId)).images).toEqual([])
  })
})

test('kept verdicts are forgotten after a day, not before', async () => {
  const now = Date.now()
  cloud.store.insert('mediaVerdicts', [
    { _id: 'trace-old', suggest: 'pass', receivedAt: new Date(now - 25 * 3600_000) },
    { _id: 'trace-new', suggest: 'pass', receivedAt: new Date(now - 23 * 3600_000) },
  ])
  await runJob(verdictJob)
  expect(cloud.store.find('mediaVerdicts', { _id: { $in: ['trace-old', 'trace-new'] } }).map((doc) => doc._id)).toEqual(['trace-new'])
})
