import type { LessonApi, LessonVersion } from '@/domain/firstaid/lessons'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { LESSON_LIBRARY } from './library'

/**
 * Medical content is published by two people (DESIGN.md §3, issue 29): one editor proposes, a
 * second (not the author) approves before residents see it. demo-staff and demo-editor are the two.
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  cloud.store.insert('users', [{ _id: 'staff-only', displayName: '只是工作人员', roles: ['staff'], homeCommunityId: 'yulan', staffCommunityIds: ['yulan'], createdAt: new Date() }])
})
afterAll(() => cloud.stop())

type Out<K extends keyof LessonApi> = LessonApi[K]['output']
const { _id: lessonId, libraryVersion: _version, ...original } = LESSON_LIBRARY.find((l) => l._id === 'fracture')!
const save = async (openid: string, change: Partial<LessonApi['save']['input']> = {}) => cloud.call<Out<'save'>>('lesson', openid, { action: 'save', lessonId, ...original, ...change })
const propose = async (openid: string, change: Partial<LessonApi['save']['input']>) => unwrap(await save(openid, change)).draft!
const approve = (openid: string, versionId: string) => cloud.call<Out<'approve'>>('lesson', openid, { action: 'approve', versionId })
const versions = async () => unwrap(await cloud.call<Out<'versions'>>('lesson', 'demo-staff', { action: 'versions', lessonId })).items
/** What a resident is shown. */
const residentSees = async () => unwrap(await cloud.call<Out<'get'>>('lesson', 'demo-resident', { action: 'get', lessonId }))

test('only a content editor proposes changes to the shared lessons; staff of a community may not', async () => {
  expect(await save('staff-only', { title: '骨折固定（改）' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await cloud.call('lesson', 'staff-only', { action: 'versions', lessonId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await cloud.call('lesson', 'staff-only', { action: 'drafts', page: 1, pageSize: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(cloud.store.find('lessons', { _id: lessonId })[0].title).toBe(original.title)
})

test('one editor cannot publish: the draft waits, and its author approving it is FORBIDDEN', async () => {
  const draft = await propose('demo-staff', { title: '骨折的临时固定' })
  expect(draft).toMatchObject({ status: 'pending', by: '张敏', mine: true, changed: ['课程名称'] })
  // The other editor is told a change waits (the author is not).
  const told = (openid: string) => cloud.docs('inbox').filter((m) => m.openid === openid && m.kind === 'staff_todo' && m.page === 'packages/staff/pages/lessons/index')
  // Two wait: this one and the seeded one of demo-editor's.
  expect(told('demo-editor')).toEqual([expect.objectContaining({ body: '待审核课程有 2 条待处理，请到工作台查看。' })])
  expect(told('demo-staff')).toEqual([])
  expect((await residentSees()).title).toBe(original.title)
  expect(await approve('demo-staff', draft._id)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await residentSees()).title).toBe(original.title)

  // The second editor sees it waiting, with its difference, and approves it.
  const waiting = unwrap(await cloud.call<Out<'drafts'>>('lesson', 'demo-editor', { action: 'drafts', page: 1, pageSize: 20 }))
  expect(waiting.items.filter((v) => v.lessonId === lessonId)).toEqual([expect.objectContaining({ _id: draft._id, mine: false, status: 'pending' })])
  const review = unwrap(await cloud.call<Out<'draft'>>('lesson', 'demo-editor', { action: 'draft', versionId: draft._id }))
  expect(review.diff).toEqual([{ part: '课程名称', before: original.title, after: '骨折的临时固定' }])

  expect(unwrap(await approve('demo-editor', draft._id))).toMatchObject({ status: 'published', approvedBy: '周建华' })
  expect((await residentSees()).title).toBe('骨折的临时固定')
  expect(unwrap(await cloud.call<Out<'drafts'>>('lesson', 'demo-editor', { action: 'drafts', page: 1, pageSize: 20 })).items.filter((v) => v.lessonId === lessonId)).toEqual([])
  // Approving again (a retry) changes nothing.
  expect(unwrap(await approve('demo-editor', draft._id))).toMatchObject({ status: 'published' })
})

test('every proposal keeps a version (who, when, what changed); an unchanged or repeated one adds none', async () => {
  const before = (await versions()).length
  expect(unwrap(await save('demo-staff', { title: '骨折的临时固定' }))).toEqual({ draft: null })
  const first = await propose('demo-staff', { title: '骨折的临时固定', keyPoints: ['先止血，再固定'] })
  const again = await propose('demo-staff', { title: '骨折的临时固定', keyPoints: ['先止血，再固定'] })
  expect(again._id).toBe(first._id)
  const list = await versions()
  expect(list).toHaveLength(before + 1)
  expect(list[0]).toMatchObject({ changed: ['要点'], status: 'pending', by: '张敏', savedAt: expect.any(String) })
  unwrap(await approve('demo-editor', first._id))
})

test('two drafts made on the same lesson: the first approved is published, the other must be redone', async () => {
  const a = await propose('demo-staff', { summary: '先固定，再送医。' })
  const b = await propose('demo-editor', { summary: '原位固定，尽快送医。' })
  const results = await Promise.all([approve('demo-editor', a._id), approve('demo-staff', b._id)])
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })])
  const winner = results[0].ok ? '先固定，再送医。' : '原位固定，尽快送医。'
  expect((await residentSees()).summary).toBe(winner)
})

test('an approval that stopped after moving the published pointer completes when retried', async () => {
  const draft = await propose('demo-staff', { minutes: 9 })
  // As if the first attempt stopped right after its conditional update of the lesson.
  cloud.store.update('lessons', { _id: lessonId }, { $set: { publishedVersionId: draft._id } })
  expect(unwrap(await approve('demo-editor', draft._id))).toMatchObject({ status: 'published', approvedBy: '周建华' })
  expect((await residentSees()).minutes).toBe(9)
})

test('a declined draft is never published', async () => {
  const draft = await propose('demo-staff', { minutes: 99 })
  expect(unwrap(await cloud.call<Out<'decline'>>('lesson', 'demo-editor', { action: 'decline', versionId: draft._id }))).toMatchObject({ status: 'declined' })
  expect(await approve('demo-editor', draft._id)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect((await residentSees()).minutes).not.toBe(99)
})

test('restore proposes an earlier version as a draft; one older than the current guidelines warns first, and both need a second editor', async () => {
  // The first version published (the new title), older than what residents see now.
  const earlier = (await versions()).filter((v) => v.status === 'published').pop()!
  const restored = unwrap(await cloud.call<Out<'restore'>>('lesson', 'demo-staff', { action: 'restore', versionId: earlier._id })).draft!
  expect(restored).toMatchObject({ status: 'pending', note: expect.stringMatching(/^恢复到/), outdated: false })

  // A version saved before library edition 2 (AHA 2025 / AHA-ARC 2024): the burns lesson of old.
  const old = { ...original, sections: [{ title: '冲：流水冲洗', text: '立即用流动的凉水冲洗至少10–20分钟。' }] }
  cloud.store.insert('lessonVersions', [{ _id: 'v-pre-2025', lessonId, savedAt: new Date('2025-03-01'), by: 'someone', byName: '前任编辑', changed: ['章节'], note: '', content: old }])
  const listed = (await versions()).find((v) => v._id === 'v-pre-2025') as LessonVersion
  expect(listed).toMatchObject({ outdated: true, libraryVersion: 1, status: 'published' })
  const warned = await cloud.call('lesson', 'demo-staff', { action: 'restore', versionId: 'v-pre-2025' })
  expect(warned).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('早于现行指南') })
  const confirmed = unwrap(await cloud.call<Out<'restore'>>('lesson', 'demo-staff', { action: 'restore', versionId: 'v-pre-2025', confirmOutdated: true })).draft!
  expect(confirmed).toMatchObject({ status: 'pending', outdated: true, note: expect.stringContaining('早于现行指南') })
  expect(await approve('demo-staff', confirmed._id)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await residentSees()).sections[0].text).not.toContain('10–20分钟')
})
