import { mayActIn } from './access'

const gangyue = { _id: 'gangyue', volunteerApprovalRequired: true }
const yulan = { _id: 'yulan', volunteerApprovalRequired: false }

// 《中国红十字志愿服务管理办法》; 《志愿服务条例》2017 第十五条 (the organisation fits tasks to its volunteers): a community that reviews its volunteers reviews outsiders too.
test('a volunteer acts at home, in open communities, and in reviewing ones only once approved there', () => {
  const fromYulan = { status: 'active' as const, communityId: 'yulan' }
  expect(mayActIn(fromYulan, yulan)).toBe('yes')
  expect(mayActIn(fromYulan, gangyue)).toBe('needs_approval')
  expect(mayActIn({ ...fromYulan, pendingIn: ['gangyue'] }, gangyue)).toBe('pending')
  expect(mayActIn({ ...fromYulan, activeIn: ['gangyue'] }, gangyue)).toBe('yes')
  expect(mayActIn({ status: 'active', communityId: 'gangyue' }, yulan)).toBe('yes')
  expect(mayActIn({ status: 'pending', communityId: 'gangyue' }, gangyue)).toBe('not_volunteer')
  expect(mayActIn(null, yulan)).toBe('not_volunteer')
})
