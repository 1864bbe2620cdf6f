import { nationalExportCsv, nationalExportRow, nationalExportSchema, NATIONAL_EXPORT_COLUMNS } from './national-export'
import * as v from 'valibot'

// 民政部令第67号 2020 第四条 (records kept elsewhere go into the national 志愿服务信息系统) and 第八条
// (time, place, content, hours of each service, and who recorded it): one row per record, in these columns.
test('a record becomes one row in the cited columns, a correction keeping its sign', () => {
  const person = { name: '李志强', idTypeLabel: '居民身份证', idNumber: '11010519491231002X', phone: '13857500002', volunteerNumber: 'DD-V00001' }
  const row = nationalExportRow({ source: 'correction', hours: -1.5, serviceFrom: '2026-11-02', serviceDate: '2026-11-02', place: '大渡社区', content: '重复记录', creditedByName: '张敏', recordedOn: '2026-11-20' }, person, '柯桥区大渡社区红十字会')
  expect(Object.fromEntries(NATIONAL_EXPORT_COLUMNS.map((column, i) => [column, row[i]]))).toEqual({
    姓名: '李志强',
    证件类型: '居民身份证',
    证件号码: '11010519491231002X',
    手机号码: '13857500002',
    志愿者编号: 'DD-V00001',
    服务开始日期: '2026-11-02',
    服务结束日期: '2026-11-02',
    '服务时长（小时）': '-1.5',
    服务地点: '大渡社区',
    服务内容: '重复记录',
    记录类型: '时长更正',
    记录单位: '柯桥区大渡社区红十字会',
    记录人: '张敏',
    记录日期: '2026-11-20',
  })
  // A text starting like a formula is neutralised (OWASP CSV injection), as every export of the app does.
  expect(nationalExportCsv([[...row.slice(0, 9), '=HYPERLINK("x")', ...row.slice(10)]])).toContain(`,"'=HYPERLINK(""x"")",`)
})

test('a period is at most a year and not upside down', () => {
  const ok = (from: string, to: string) => v.safeParse(nationalExportSchema, { communityId: 'dadu', from, to }).success
  expect(ok('2026-01-01', '2026-12-31')).toBe(true)
  expect(ok('2024-01-01', '2024-12-31')).toBe(true)
  expect(ok('2026-01-01', '2027-01-01')).toBe(false)
  expect(ok('2026-02-01', '2026-01-31')).toBe(false)
})
