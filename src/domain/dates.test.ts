import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { formatChinaDate, formatChinaTime, todayInChina } from './dates'

const late = '2026-11-23T17:30:00.000Z' // 01:30 on the 24th in China, 12:30 on the 23rd in New York

test('times are shown in China time', () => {
  expect(formatChinaTime(late)).toBe('2026-11-24 01:30')
  expect(formatChinaTime(new Date(late), 'M月D日 HH:mm')).toBe('11月24日 01:30')
  expect(formatChinaDate(late)).toBe('2026-11-24')
  expect(todayInChina(new Date(late))).toBe('2026-11-24')
})

test('on a device in New York the same moment still reads in China time', () => {
  // The time zone of a process is fixed when it starts, so the formatter runs in one started in New York.
  const script = `
    const { formatChinaTime, formatChinaDate, todayInChina } = require(${JSON.stringify(path.join(__dirname, 'dates.ts'))})
    const at = new Date(${JSON.stringify(late)})
    console.log(JSON.stringify([at.getHours(), formatChinaTime(at), formatChinaTime(at, 'M月D日 HH:mm'), formatChinaDate(at), todayInChina(at)]))`
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: 'America/New_York' }, encoding: 'utf8' })
  expect(JSON.parse(out)).toEqual([12, '2026-11-24 01:30', '11月24日 01:30', '2026-11-24', '2026-11-24'])
})
