import type { MemberApi } from '@/domain/member/contract'
import type { ActionSpec } from '@/domain/contract'
import { startTestCloud, unwrap, type TestCloud } from '../testing'
import { DEMO_USERS } from './demo-data'

type Result<A> = A extends ActionSpec<unknown, infer R> ? R : never

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

// Each demo identity is what its label says, as the functions see it: a 红十字会员 has a member
// card, a volunteer an active profile, and nobody else has either.
test.each(DEMO_USERS.map((u) => [u._id, u.roles] as const))('%s: seed matches roles %j', async (openid, roles) => {
  const mine = unwrap(await cloud.call<Result<MemberApi['mine']>>('member', openid, { action: 'mine' }))
  if (roles.includes('member')) expect(mine.card).toMatchObject({ memberNo: expect.stringMatching(/^GY\d{8}$/), name: '陈美华', communityName: '港越社区', idNumber: expect.stringContaining('*') })
  else expect(mine.card).toBeNull()

  const volunteer = await cloud.call('volunteer', openid, { action: 'mine' })
  if (roles.includes('volunteer')) expect(unwrap(volunteer)).toMatchObject({ profile: { status: 'active' } })
  else expect(volunteer.ok ? (volunteer.data as { profile: unknown }).profile : null).toBeFalsy()
})

test('a new member number in the seeded member\'s year follows hers', () => {
  const [application] = cloud.docs('applications').filter((a) => a.openid === 'demo-member')
  const year = String(application.joinedAt).slice(0, 4)
  expect(cloud.docs('counters').find((c) => c._id === `member-GY-${year}`)).toMatchObject({ seq: 1 })
})
