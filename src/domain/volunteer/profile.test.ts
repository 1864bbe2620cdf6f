import { isMinor, isRegisteredVolunteer, VOLUNTEER_STATUS_LABELS } from './profile'

// 《中国红十字志愿服务管理办法》: 注册红十字志愿者 means at least 20 hours of service in the year.
test('"注册志愿者" only from 20 hours of service in the year; registered people are "已登记"', () => {
  expect(VOLUNTEER_STATUS_LABELS.active).toBe('已登记')
  expect(isRegisteredVolunteer('active', 19.5)).toBe(false)
  expect(isRegisteredVolunteer('active', 20)).toBe(true)
  expect(isRegisteredVolunteer('pending', 40)).toBe(false)
})

// 《民法典》第十九条 (a minor acts with a guardian's consent) and 《志愿服务条例》2017 第十五条 (tasks fit the
// age): the exact birth date from the ID number (GB 11643) decides when given; the birth year alone is cautious.
test('a minor by the ID number\'s birth date when given, else by the birth year', () => {
  expect(isMinor({ birthDate: '2008-12-03' }, '2026-12-03')).toBe(false)
  expect(isMinor({ birthDate: '2008-12-04' }, '2026-12-03')).toBe(true)
  expect(isMinor({ birthYear: 2008 }, '2026-12-03')).toBe(true)
  expect(isMinor({ birthYear: 2007 }, '2026-12-03')).toBe(false)
  expect(isMinor({ birthYear: 2008, birthDate: '2008-01-01' }, '2026-12-03')).toBe(false)
  expect(isMinor({}, '2026-12-03')).toBe(false)
})
