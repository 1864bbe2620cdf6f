import { isRegisteredVolunteer, VOLUNTEER_STATUS_LABELS } from './profile'

// 《中国红十字志愿服务管理办法》: 注册红十字志愿者 means at least 20 hours of service in the year.
test('"注册志愿者" only from 20 hours of service in the year; registered people are "已登记"', () => {
  expect(VOLUNTEER_STATUS_LABELS.active).toBe('已登记')
  expect(isRegisteredVolunteer('active', 19.5)).toBe(false)
  expect(isRegisteredVolunteer('active', 20)).toBe(true)
  expect(isRegisteredVolunteer('pending', 40)).toBe(false)
})
