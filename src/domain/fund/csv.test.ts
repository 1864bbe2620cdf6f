import { csvCell, toCsv } from './csv'
import { formatYuan, plainYuan, yuanToFen } from './rules'

describe('CSV export for the finance office', () => {
  test('starts with the UTF-8 BOM and ends rows with CRLF', () => {
    const csv = toCsv(['日期', '金额（元）'], [['2026-11-02', plainYuan(50000)]])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toBe('\ufeff日期,金额（元）\r\n2026-11-02,500.00\r\n')
  })

  // OWASP "CSV Injection": cells starting with = + - @ tab or CR are neutralised with a leading '.
  test.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx'])('formula-looking text %j is not a formula', (text) => {
    expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/)
  })

  test('quotes commas, quotes and line breaks; numbers stay as they are', () => {
    expect(csvCell('张三,李四')).toBe('"张三,李四"')
    expect(csvCell('说"谢谢"')).toBe('"说""谢谢"""')
    expect(csvCell('a\nb')).toBe('"a\nb"')
    expect(csvCell(-5)).toBe('-5')
  })

  test('元 with two decimals, from whole 分', () => {
    expect(plainYuan(32140640)).toBe('321406.40')
    expect(plainYuan(5)).toBe('0.05')
    expect(plainYuan(-120)).toBe('-1.20')
    expect(formatYuan(32140640)).toBe('321,406.40')
  })
})

test('what people type in 元 becomes whole 分, or nothing', () => {
  expect(yuanToFen('1,234.5')).toBe(123450)
  expect(yuanToFen('0.07')).toBe(7)
  expect(yuanToFen('50')).toBe(5000)
  for (const bad of ['', '1.234', '-5', 'abc', '1e3', '.5']) expect(yuanToFen(bad)).toBeNull()
})
