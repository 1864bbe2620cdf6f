import type { LessonApi, LessonVersion } from '@/domain/firstaid/lessons'
import type { Page } from '@/domain/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { LESSON_LIBRARY } from './library'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  cloud.store.insert('users', [{ _id: 'staff-only', displayName: '只是工作人员', roles: ['staff'], homeCommunityId: 'yulan', staffCommunityIds: ['yulan'], createdAt: new Date() }])
})
afterAll(() => cloud.stop())

const { _id: lessonId, ...original } = LESSON_LIBRARY.find((l) => l._id === 'fracture')!
const save = (openid: string, change: Partial<LessonApi['save']['input']> = {}) => cloud.call('lesson', openid, { action: 'save', lessonId, ...original, ...change })
const versions = async () => unwrap(await cloud.call<Page<LessonVersion>>('lesson', 'demo-staff', { action: 'versions', lessonId })).items

test('only a content editor changes the shared lessons; staff of a community may not', async () => {
  expect(await save('staff-only', { title: '骨折固定（改）' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await cloud.call('lesson', 'staff-only', { action: 'versions', lessonId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(cloud.store.find('lessons', { _id: lessonId })[0].title).toBe(original.title)
})

test('every save keeps a version (who, when, what changed); an unchanged save adds none; any version can be restored', async () => {
  unwrap(await save('demo-staff', { title: '骨折的临时固定' }))
  unwrap(await save('demo-staff', { title: '骨折的临时固定' }))
  unwrap(await save('demo-staff', { title: '骨折的临时固定', keyPoints: ['先止血，再固定'] }))
  const list = await versions()
  expect(list.map((v) => v.changed)).toEqual([['要点'], ['课程名称']])
  expect(list[0]).toMatchObject({ by: '张敏', savedAt: expect.any(String) })

  unwrap(await cloud.call('lesson', 'demo-staff', { action: 'restore', versionId: list[1]._id }))
  expect(cloud.store.find('lessons', { _id: lessonId })[0]).toMatchObject({ title: '骨折的临时固定', keyPoints: original.keyPoints })
  const after = await versions()
  expect(after[0]).toMatchObject({ changed: ['要点'], note: expect.stringMatching(/^恢复到/) })
})
