import { installPerInvocationEnv, runAs } from './identity'
import { wxServerSdk } from './install'

const getWXContext = () => (wxServerSdk() as { getWXContext(): { OPENID?: string; APPID?: string } }).getWXContext()

beforeAll(() => installPerInvocationEnv())

test('each invocation reads its own OPENID through the real getWXContext, even when calls overlap', async () => {
  const seen = await Promise.all(
    Array.from({ length: 30 }, (_unused, i) =>
      runAs({ openid: `user-${i}`, appid: 'wx-test' }, async () => {
        const before = getWXContext().OPENID
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % 13))
        return [before, getWXContext().OPENID]
      }),
    ),
  )
  seen.forEach(([before, after], i) => {
    expect(before).toBe(`user-${i}`)
    expect(after).toBe(`user-${i}`)
  })
})

test('outside an invocation there is no caller', () => {
  expect(getWXContext().OPENID).toBeUndefined()
})
