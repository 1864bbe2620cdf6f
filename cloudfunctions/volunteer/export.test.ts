import { Readable } from 'node:stream'
import dayjs from 'dayjs'
import ExcelJS from 'exceljs'
import { todayInChina } from '@/domain/dates'
import { checkCharacter } from '@/domain/member/id-number'
import type { VolunteerProfile } from '@/domain/volunteer/contract'
import { LEDGER_SOURCE_LABELS, type LedgerSource } from '@/domain/volunteer/ledger'
import { NATIONAL_EXPORT_COLUMNS } from '@/domain/volunteer/national-export'
import { ownedId } from '../_kit/ids'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

type ExportFile = { fileName: string; csv: string; rows: number; withoutId: number }
const volunteer = <T>(openid: string, action: string, fields: Record<string, unknown> = {}) => cloud.call<T>('volunteer', openid, { action, ...fields })
const today = todayInChina()
const yearStart = `${today.slice(0, 4)}-01-01`
/** A valid resident ID number (GB 11643 check character) for a birth date. */
const idFor = (birthDate: string, seq = '123') => {
  const first17 = `330603${birthDate.replace(/-/g, '')}${seq}`
  return first17 + checkCharacter(first17)
}

const miswritten = (id: string) => `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`

/** A real CSV parser (the one the import reads spreadsheets with), every cell as text. */
async function parse(csv: string): Promise<string[][]> {
  const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([csv.replace(/^\ufeff/, '')]), { map: (value: string) => value })
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push(Array.from({ length: NATIONAL_EXPORT_COLUMNS.length }, (_unused, i) => String(row.getCell(i + 1).value ?? '')))
  })
  return rows
}

// 民政部令第67号 2020 第四条: records kept here are brought into the national 志愿服务信息系统, which
// matches people by 证件号码; the columns are those src/domain/volunteer/national-export cites.
test('staff export a period of their community: the cited columns, UTF-8 with BOM, and a CSV parser gives back every record', async () => {
  const idNumber = idFor('1985-03-09')
  const registered = unwrap(
    await volunteer<VolunteerProfile>('ex-wang', 'register', { name: '王导出', phone: '13957508801', communityId: 'dadu', birthYear: 1985, idNumber, idConsent: true, skills: ['维修'], availability: ['sat-am'] }),
  )
  expect(registered.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`)
  // The number is stored sealed only.
  expect(JSON.stringify(cloud.docs('volunteers'))).not.toContain(idNumber)
  const served = dayjs(today).subtract(3, 'day').format('YYYY-MM-DD')
  unwrap(await volunteer('demo-staff', 'correctHours', { volunteerId: registered._id, hours: 2.5, reason: '补记社区义诊，服务"导诊,分诊"', serviceDate: served < yearStart ? today : served, requestId: 'export-test-1' }))

  const file = unwrap(await volunteer<ExportFile>('demo-staff', 'exportRecords', { communityId: 'dadu', from: yearStart, to: today }))
  expect(file.csv.charCodeAt(0)).toBe(0xfeff)
  expect(file.fileName).toBe(`大渡社区志愿服务记录_${yearStart}_${today}.csv`)
  const [header, ...rows] = await parse(file.csv)
  expect(header).toEqual([...NATIONAL_EXPORT_COLUMNS])

  const ledger = cloud.docs('hoursLedger').filter((e) => e.communityId === 'dadu' && (e.serviceDate as string) >= yearStart && (e.serviceDate as string) <= today)
  expect(file.rows).toBe(ledger.length)
  expect(rows).toHaveLength(ledger.length)
  const key = (serviceDate: string, hours: string, content: string) => `${serviceDate}|${hours}|${content}`
  expect(rows.map((r) => key(r[6], r[7], r[9])).sort()).toEqual(ledger.map((e) => key(e.serviceDate as string, String(e.hours), e.content as string)).sort())
  for (const row of rows) {
    const entry = ledger.find((e) => e.serviceDate === row[6] && String(e.hours) === row[7] && e.content === row[9])
    expect(row[10]).toBe(LEDGER_SOURCE_LABELS[entry?.source as LedgerSource])
    expect(row[11]).toBe('柯桥区大渡社区红十字会')
  }

  // The volunteer who gave an ID number appears with it in full; the text with commas and quotes survives.
  const mine = rows.find((r) => r[0] === '王导出')
  expect(mine).toEqual(['王导出', '居民身份证', idNumber, '13957508801', '', served < yearStart ? today : served, served < yearStart ? today : served, '2.5', '大渡社区', '补记社区义诊，服务"导诊,分诊"', '时长更正', '柯桥区大渡社区红十字会', '张敏', today])
  expect(file.withoutId).toBe(rows.filter((r) => r[2] === '').length)

  // Full ID numbers left the system: the export is in the audit trail.
  const audit = cloud.docs('auditLog').filter((a) => a.action === 'exportRecords')
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ communityId: 'dadu', summary: expect.stringContaining(`${file.rows} 条，含完整身份证号`) })
})

test('only staff of that community export; a period of more than a year or upside down is refused', async () => {
  cloud.store.insert('users', [{ _id: 'ex-staff-gy', displayName: '港越工作人员', roles: ['staff'], homeCommunityId: 'gangyue', staffCommunityIds: ['gangyue'], createdAt: new Date() }])
  expect(await volunteer('demo-volunteer', 'exportRecords', { communityId: 'dadu', from: yearStart, to: today })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await volunteer('ex-staff-gy', 'exportRecords', { communityId: 'dadu', from: yearStart, to: today })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await volunteer('demo-staff', 'exportRecords', { communityId: 'dadu', from: '2024-01-01', to: '2025-06-30' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { to: '一次最多导出一年的记录' } })
  expect(await volunteer('demo-staff', 'exportRecords', { communityId: 'dadu', from: today, to: yearStart === today ? '2000-01-01' : yearStart })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(cloud.docs('auditLog').filter((a) => a.action === 'exportRecords' && a.actorOpenid !== 'demo-staff' && a.communityId === 'dadu')).toEqual([])
  // A community with no records in the period: a file with the header only.
  const empty = unwrap(await volunteer<ExportFile>('ex-staff-gy', 'exportRecords', { communityId: 'gangyue', from: '2001-01-01', to: '2001-12-31' }))
  expect(empty).toMatchObject({ rows: 0, withoutId: 0 })
  expect(await parse(empty.csv)).toEqual([[...NATIONAL_EXPORT_COLUMNS]])
})

// 《民法典》第十九条 / 《志愿服务条例》2017 第十五条: the age comes from the ID number when one is given.
test('registration: the ID number decides the age, must agree with the birth year, and needs its own consent', async () => {
  const year = Number(today.slice(0, 4))
  const base = { phone: '13957508802', communityId: 'dadu', skills: ['维修'], availability: ['sat-am'] }
  // Turning 18 later this year: by the birth year alone a minor; the ID says so too until the birthday.
  const nextBirthday = dayjs(today).add(1, 'day').format('MM-DD')
  const seventeen = idFor(`${year - 18}-${nextBirthday}`)
  if (nextBirthday !== '01-01') {
    expect(await volunteer('ex-minor', 'register', { ...base, name: '周少年', birthYear: year - 18, idNumber: seventeen, idConsent: true })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { guardian: expect.stringContaining('监护人') } })
  }
  // 18 today by the ID: an adult, though the birth year alone would have asked for a guardian.
  const eighteen = idFor(`${year - 18}-${today.slice(5)}`)
  const adult = unwrap(await volunteer<VolunteerProfile>('ex-adult', 'register', { ...base, name: '周成年', birthYear: year - 18, idNumber: eighteen, idConsent: true }))
  expect(adult.guardian).toBeNull()
  expect(cloud.docs('volunteers').find((d) => d._id === ownedId('vo', 'ex-adult'))).toMatchObject({ birthDate: `${year - 18}-${today.slice(5)}`, idMasked: expect.stringContaining('****') })

  expect(await volunteer('ex-wrong', 'register', { ...base, name: '周错年', birthYear: 1980, idNumber: idFor('1981-02-02'), idConsent: true })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { birthYear: '出生年份与身份证号不一致' } })
  expect(await volunteer('ex-wrong', 'register', { ...base, name: '周错年', birthYear: 1981, idNumber: idFor('1981-02-02'), idConsent: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { idConsent: expect.any(String) } })
  expect(await volunteer('ex-wrong', 'register', { ...base, name: '周错年', birthYear: 1981, idNumber: miswritten(idFor('1981-02-02')), idConsent: true })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { idNumber: expect.stringContaining('校验位') } })
  expect(cloud.docs('volunteers').some((d) => d.openid === 'ex-wrong')).toBe(false)
})
