import * as v from 'valibot'
import type { ActionSpec } from '@/domain/contract'
import { AppError } from '@/domain/errors'
import { runAs } from '../../localcloud/backend/identity'
import { startTestCloud, type TestCloud } from '../../localcloud/testing'
import { auditIdOf } from './audit'
import { action, defineFunction } from './define-function'

/** The shared way every function is written: routing, validation, roles, envelope. */
type TestApi = {
  echo: ActionSpec<{ text: string }, { text: string }>
  staffOnly: ActionSpec<Record<string, never>, string>
  staffOfDadu: ActionSpec<Record<string, never>, string>
  explode: ActionSpec<Record<string, never>, never>
  refuse: ActionSpec<Record<string, never>, never>
  audited: ActionSpec<{ key: string }, { key: string; entryBeforeAnswer: boolean }>
  later: ActionSpec<{ fail: boolean }, string>
}

/** The audit rule of `audited`, watched: the router must not apply it again after the handler wrote it. */
const auditedRule = jest.fn((input: { key: string }) => ({ communityId: 'dadu', target: input.key, summary: '测试', key: input.key }))

/** What the `later` action's afterwards work saw, in order. */
const seen: string[] = []

const main = defineFunction<TestApi>('test', {
  echo: action({ input: v.object({ text: v.pipe(v.string('内容应为文字'), v.maxLength(5, '最多 5 个字')) }), audience: 'anyone', handler: async ({ text }) => ({ text }) }),
  staffOnly: action({ input: v.object({}), audience: ['staff'], handler: async () => 'ok' }),
  staffOfDadu: action({
    input: v.object({}),
    audience: ['staff'],
    handler: async (_input, ctx) => {
      await ctx.requireStaffOf('dadu')
      return 'ok'
    },
  }),
  explode: action({
    input: v.object({}),
    audience: 'anyone',
    handler: async () => {
      throw new Error('database connection reset at 10.0.0.3:27017')
    },
  }),
  refuse: action({
    input: v.object({}),
    audience: 'anyone',
    handler: async () => {
      throw new AppError('CONFLICT', '这个心愿已被认领')
    },
  }),
  audited: action({
    input: v.object({ key: v.string() }),
    audience: ['staff'],
    audit: (input) => auditedRule(input),
    handler: async ({ key }, ctx) => {
      const answer = { key, entryBeforeAnswer: true }
      // The entry beside the handler's last step (here: nothing else), before it answers.
      await ctx.auditAlongside(answer)
      return { key, entryBeforeAnswer: cloud.docs('auditLog').some((entry) => entry._id === auditIdOf('test', 'audited', key)) }
    },
  }),
  later: action({
    input: v.object({ fail: v.boolean() }),
    audience: 'anyone',
    handler: async ({ fail }, ctx) => {
      ctx.afterwards(async () => {
        seen.push('afterwards started')
        await new Promise((resolve) => setTimeout(resolve, 20))
        seen.push('afterwards done')
      })
      seen.push('handler answered')
      if (fail) throw new AppError('CONFLICT', '已经处理过了')
      return 'ok'
    },
  }),
})

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  await cloud.store.update('users', { _id: 'demo-staff' }, { $set: { staffCommunityIds: ['yulan'] } })
})
afterAll(() => cloud.stop())

const call = (openid: string, event: unknown) => runAs({ openid, appid: 'test' }, () => main(event))

test('validated input reaches the handler; platform keys are not input', async () => {
  expect(await call('demo-resident', { action: 'echo', text: '你好', userInfo: { openId: 'x' } })).toEqual({ ok: true, data: { text: '你好' } })
})

test('invalid input answers INVALID_INPUT with a message per field', async () => {
  expect(await call('demo-resident', { action: 'echo', text: '这段话太长了吧' })).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '最多 5 个字',
    fields: { text: '最多 5 个字' },
  })
  expect(await call('demo-resident', { action: 'echo', text: 3 })).toMatchObject({ code: 'INVALID_INPUT', fields: { text: '内容应为文字' } })
})

test('a caller without the role gets FORBIDDEN', async () => {
  expect(await call('demo-volunteer', { action: 'staffOnly' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('demo-staff', { action: 'staffOnly' })).toEqual({ ok: true, data: 'ok' })
})

test('staff act only in their own communities', async () => {
  expect(await call('demo-staff', { action: 'staffOfDadu' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有本社区的工作人员可以进行这项操作' })
})

test('an AppError keeps its code and message', async () => {
  expect(await call('demo-resident', { action: 'refuse' })).toEqual({ ok: false, code: 'CONFLICT', message: '这个心愿已被认领' })
})

test('an unexpected failure answers INTERNAL in plain Chinese, without internals', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const result = await call('demo-resident', { action: 'explode' })
  expect(result).toEqual({ ok: false, code: 'INTERNAL', message: '系统开小差了，请稍后再试' })
  expect(JSON.stringify(result)).not.toMatch(/10\.0\.0\.3|Error|at /)
  expect(logged).toHaveBeenCalled()
  logged.mockRestore()
})

test('a non-object event never throws to the platform', async () => {
  for (const event of [null, undefined, 'me', 42, []]) {
    expect(await call('demo-resident', event)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  }
})

test('an audit entry written beside the handler\'s last write (auditAlongside) is there before it answers, and the router writes none after', async () => {
  expect(await call('demo-staff', { action: 'audited', key: 'k-1' })).toEqual({ ok: true, data: { key: 'k-1', entryBeforeAnswer: true } })
  expect(auditedRule).toHaveBeenCalledTimes(1)
  expect(cloud.docs('auditLog').filter((entry) => entry._id === auditIdOf('test', 'audited', 'k-1'))).toHaveLength(1)
})

test('work left for afterwards runs once the handler answered and is done before the caller has the answer; a failed handler leaves it undone', async () => {
  seen.length = 0
  expect(await call('demo-resident', { action: 'later', fail: false })).toEqual({ ok: true, data: 'ok' })
  expect(seen).toEqual(['handler answered', 'afterwards started', 'afterwards done'])
  seen.length = 0
  expect(await call('demo-resident', { action: 'later', fail: true })).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(seen).toEqual(['handler answered'])
})
