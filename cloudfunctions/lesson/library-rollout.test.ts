import type { LessonApi } from '@/domain/firstaid/lessons'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { LESSON_LIBRARY } from './library'

/**
 * A corrected library reaches a running station (issue 29): a database seeded before library
 * edition 2 has the old burns lesson and no stroke lesson; its editors see both as updates, with
 * the difference, and publish them by two people — not by reseeding.
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  const burns = cloud.store.find('lessons', { _id: 'burns' })[0]
  const { libraryVersion: _unused, ...rest } = burns
  cloud.store.remove('lessons', { _id: 'burns' })
  // As stored before edition 2: no library version, the self-contradicting "至少10–20分钟".
  cloud.store.insert('lessons', [{ ...rest, sections: [{ title: '冲：流水冲洗', image: '/packages/lessons/assets/burns.png', text: '立即用流动的凉水（不是冰水）冲洗烫伤处至少10–20分钟，直到疼痛明显减轻。' }, ...(rest.sections as unknown[]).slice(1)] }])
  cloud.store.remove('lessons', { _id: 'stroke' })
})
afterAll(() => cloud.stop())

type Out<K extends keyof LessonApi> = LessonApi[K]['output']
const updates = async (openid = 'demo-staff') => unwrap(await cloud.call<Out<'updates'>>('lesson', openid, { action: 'updates' })).items
const shippedBurns = LESSON_LIBRARY.find((l) => l._id === 'burns')!

test('a changed shipped lesson shows as an update with its difference; a missing one as new', async () => {
  const items = await updates()
  expect(items.map((i) => i.lessonId).sort()).toEqual(['burns', 'stroke'])
  const burns = items.find((i) => i.lessonId === 'burns')!
  expect(burns).toMatchObject({ currentVersion: 1, libraryVersion: 2, proposed: false })
  expect(burns.diff.find((row) => row.part === '第1节')).toEqual({
    part: '第1节',
    before: '冲：流水冲洗\n立即用流动的凉水（不是冰水）冲洗烫伤处至少10–20分钟，直到疼痛明显减轻。\n（配图）',
    after: `冲：流水冲洗\n${shippedBurns.sections[0].text}\n（配图）`,
  })
  expect(items.find((i) => i.lessonId === 'stroke')).toMatchObject({ currentVersion: null, title: '中风识别：中风120和BE FAST' })
  expect(await cloud.call('lesson', 'demo-resident', { action: 'updates' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('one editor cannot publish an update; two can', async () => {
  const { draft } = unwrap(await cloud.call<Out<'applyUpdate'>>('lesson', 'demo-staff', { action: 'applyUpdate', lessonId: 'burns' }))
  expect(draft).toMatchObject({ status: 'pending', libraryVersion: 2, note: '课程库更新（第2版）' })
  expect((await updates()).find((i) => i.lessonId === 'burns')?.proposed).toBe(true)
  expect(await cloud.call('lesson', 'demo-staff', { action: 'approve', versionId: draft!._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const before = unwrap(await cloud.call<Out<'get'>>('lesson', 'demo-resident', { action: 'get', lessonId: 'burns' }))
  expect(before.sections[0].text).toContain('至少10–20分钟')

  unwrap(await cloud.call('lesson', 'demo-editor', { action: 'approve', versionId: draft!._id }))
  const after = unwrap(await cloud.call<Out<'get'>>('lesson', 'demo-resident', { action: 'get', lessonId: 'burns' }))
  expect(after.sections[0].text).toBe(shippedBurns.sections[0].text)
  expect((await updates()).map((i) => i.lessonId)).toEqual(['stroke'])
  expect(await cloud.call('lesson', 'demo-staff', { action: 'applyUpdate', lessonId: 'burns' })).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('a new shipped lesson reaches residents once a second editor approves it', async () => {
  const titles = async () => unwrap(await cloud.call<Out<'list'>>('lesson', 'demo-resident', { action: 'list' })).items.map((i) => i.title)
  const { draft } = unwrap(await cloud.call<Out<'applyUpdate'>>('lesson', 'demo-editor', { action: 'applyUpdate', lessonId: 'stroke' }))
  expect(await titles()).not.toContain('中风识别：中风120和BE FAST')
  unwrap(await cloud.call('lesson', 'demo-staff', { action: 'approve', versionId: draft!._id }))
  expect(await titles()).toContain('中风识别：中风120和BE FAST')
  expect(await updates()).toEqual([])
})

test('the starting catalogue is imported only into an empty catalogue; later changes come as updates', async () => {
  expect(await cloud.call('lesson', 'demo-resident', { action: 'importLibrary' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await cloud.call('lesson', 'demo-staff', { action: 'importLibrary' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  cloud.store.remove('lessons', {})
  expect(unwrap(await cloud.call('lesson', 'demo-staff', { action: 'importLibrary' }))).toEqual({ added: LESSON_LIBRARY.length })
  expect(await updates()).toEqual([])
})
