import ExcelJS from 'exceljs'
import type { ImportMatch, ImportSummary, PreviewAnswer, TemplateAnswer } from '@/domain/import/contract'
import { COLUMNS, type ImportKind } from '@/domain/import/kinds'
import type { VolunteerTotals, LedgerEntry } from '@/domain/volunteer/contract'
import { wgs84ToGcj02 } from '@/domain/geo'
import { wxServerSdk } from '../../localcloud/backend/install'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { uploadFolderOf } from '../_kit/uploads'

let cloud: TestCloud
const STAFF = 'im-staff'
const OUTSIDER = 'im-outsider'
let nextCommunity = 0

type Sdk = { uploadFile(p: object): Promise<{ fileID: string }>; downloadFile(p: object): Promise<{ fileContent: Buffer }> }
const sdk = () => wxServerSdk() as unknown as Sdk

/** A fresh community per test, far from the demo AEDs and from each other: imports do not meet. */
function community(): { id: string; lat: number; lng: number } {
  const n = ++nextCommunity
  const id = `imc${n}`
  const lat = 28 + n * 0.1
  const lng = 118 + n * 0.1
  cloud.store.insert('communities', [{ _id: id, name: `导入社区${n}`, code: `I${n}`, district: '绍兴市柯桥区', edition: '1.0', location: { latitude: lat, longitude: lng }, volunteerApprovalRequired: false }])
  cloud.store.update('users', { _id: STAFF }, { $push: { staffCommunityIds: id } })
  return { id, lat, lng }
}

beforeAll(async () => {
  cloud = await startTestCloud()
  const now = new Date()
  cloud.store.insert('users', [
    { _id: STAFF, displayName: '沈站长', roles: ['staff'], homeCommunityId: null, staffCommunityIds: [], createdAt: now },
    { _id: OUTSIDER, displayName: '别处的人', roles: ['staff'], homeCommunityId: 'dadu', staffCommunityIds: ['dadu'], createdAt: now },
  ])
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, action: string, fields: Record<string, unknown>) => cloud.call<T>('import', openid, { action, ...fields })
let files = 0

/** A workbook with the kind's header and these rows (cells by column key), uploaded to the staff's own folder. */
async function xlsxFile(kind: ImportKind, rows: Array<Record<string, string>>, edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('导入')
  const columns = COLUMNS[kind]
  sheet.addRow(columns.map((c) => c.title))
  for (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? ''))
  edit?.(sheet)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
const csvFile = (kind: ImportKind, rows: Array<Record<string, string>>) =>
  Buffer.from([COLUMNS[kind].map((c) => c.title).join(','), ...rows.map((r) => COLUMNS[kind].map((c) => r[c.key] ?? '').join(','))].join('\r\n'), 'utf8')
async function upload(bytes: Buffer, ext: string, openid = STAFF): Promise<string> {
  return (await sdk().uploadFile({ cloudPath: `${uploadFolderOf(openid)}/imports/f${++files}.${ext}`, fileContent: bytes })).fileID
}
const preview = async (kind: ImportKind, communityId: string, fileID: string, fileName = `表格.${fileID.split('.').pop()}`) => call<PreviewAnswer>(STAFF, 'preview', { kind, communityId, fileID, fileName })

const aedRow = (name: string, lat: number, lng: number, extra: Record<string, string> = {}) => ({
  name,
  address: '柯桥区测试路1号',
  landmark: '大厅',
  floor: '1楼',
  placement: '室内',
  latitude: lat.toFixed(6),
  longitude: lng.toFixed(6),
  datum: 'GCJ-02',
  hours: '24小时',
  padsExpiry: '2027-06-30',
  batteryExpiry: '2028-12-31',
  lastInspection: '2026-11-01',
  guardianPhone: '13800000099',
  ...extra,
})

describe('templates round-trip: template → filled → preview all ok → commit → records with the right fields', () => {
  /** Downloads the kind's template, fills its sheet with the example row, uploads it and previews it. */
  async function filledTemplate(kind: ImportKind, communityId: string, change: Record<string, string> = {}) {
    const template = unwrap(await call<TemplateAnswer>(STAFF, 'template', { kind }))
    expect(template.columns.map((c) => c.title)).toEqual(COLUMNS[kind].map((c) => c.title))
    expect(template.example).toHaveLength(template.columns.length)
    expect(template.url).toMatch(/\/files\/templates\/import-.+\.xlsx\?sign=/)
    const download = await fetch(template.url)
    expect(download.headers.get('content-disposition')).toBe('attachment')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await download.arrayBuffer())
    const sheet = workbook.getWorksheet('导入') as ExcelJS.Worksheet
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(template.columns.map((c) => c.title))
    // Staff type the example row's values into the sheet (the example itself sits on 填写说明).
    expect(sheet.actualRowCount).toBe(1)
    template.columns.forEach((c, i) => (sheet.getCell(2, i + 1).value = change[c.key] ?? template.example[i]))
    const fileID = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx')
    const answer = unwrap(await preview(kind, communityId, fileID, template.fileName))
    expect(answer).toMatchObject({ total: 1, okCount: 1, badCount: 0, existsCount: 0, status: 'previewed' })
    return answer
  }

  test('AEDs', async () => {
    const c = community()
    const answer = await filledTemplate('aeds', c.id, { latitude: String(c.lat), longitude: String(c.lng) })
    expect(cloud.docs('aeds').filter((a) => a.communityId === c.id)).toHaveLength(0)
    unwrap(await call<ImportSummary>(STAFF, 'commit', { importId: answer.importId }))
    const [aed] = cloud.docs('aeds').filter((a) => a.communityId === c.id)
    expect(aed).toMatchObject({
      name: '港越社区服务中心AED',
      address: '柯桥区华舍街道港越社区服务中心',
      landmark: '一楼大厅服务台左侧',
      placement: 'indoor',
      floor: '1楼',
      hours: { always: false, weekly: { mon: [['08:00', '20:00']], sun: [['08:00', '20:00']] } },
      padsExpiry: '2027-06-30',
      batteryExpiry: '2028-12-31',
      lastInspection: '2026-11-15',
      accessPhone: '0575-84123456',
      status: 'available',
      verified: true,
      importId: answer.importId,
    })
    expect((aed.location as { coordinates: number[] }).coordinates).toEqual([c.lng, c.lat])
  })

  test('members', async () => {
    const c = community()
    const answer = await filledTemplate('members', c.id)
    unwrap(await call(STAFF, 'commit', { importId: answer.importId }))
    expect(cloud.docs('importedPeople').filter((p) => p.communityId === c.id)).toEqual([
      expect.objectContaining({ kind: 'members', name: '王秀英', phone: '13800000001', member: { memberNo: 'GY-2019-001', joinDate: '2019-05-08', youth: false, duesPaidThrough: 2026 }, volunteer: null, linkedOpenid: null, importedBy: STAFF }),
    ])
  })

  test('volunteers', async () => {
    const c = community()
    const answer = await filledTemplate('volunteers', c.id)
    unwrap(await call(STAFF, 'commit', { importId: answer.importId }))
    expect(cloud.docs('importedPeople').filter((p) => p.communityId === c.id)).toEqual([
      expect.objectContaining({ kind: 'volunteers', name: '李建华', phone: '13800000002', volunteer: { skills: ['陪伴聊天', '维修'], hours: 120, hoursFrom: '2021-01-01', hoursTo: '2025-12-31' }, member: null, linkedOpenid: null }),
    ])
  })

  test('fund opening: the balance goes onto the hash chain through the fund\'s own append, and the chain verifies', async () => {
    const c = community()
    const answer = await filledTemplate('fund', c.id)
    unwrap(await call(STAFF, 'commit', { importId: answer.importId }))
    const summary = unwrap(await cloud.call<{ balanceFen: number; incomeFen: number }>('fund', 'im-anyone', { action: 'summary', communityId: c.id }))
    expect(summary).toMatchObject({ balanceFen: 32_140_640, incomeFen: 32_140_640 })
    expect(unwrap(await cloud.call('fund', 'im-anyone', { action: 'verify', communityId: c.id }))).toMatchObject({ ok: true, checked: 1 })
    expect(cloud.docs('fundEntries').filter((e) => e.communityId === c.id)).toEqual([expect.objectContaining({ seq: 1, date: '2025-12-31', category: '其他收入', partyShown: '期初结转', reference: '期初余额', note: '2025年末结余结转' })])
    // The ledger is never edited: an opening is corrected by a reversal, not undone.
    expect(await call(STAFF, 'undo', { importId: answer.importId })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('a file with bad rows', () => {
  test('previews the exact row and column errors; commit writes only the ok rows, once; undo removes them', async () => {
    const c = community()
    const existing = community()
    // An AED already stored 10 m north of row 7's position.
    const stored = await preview('aeds', existing.id, await upload(csvFile('aeds', [aedRow('已有的AED', existing.lat, existing.lng)]), 'csv'))
    unwrap(await call(STAFF, 'commit', { importId: unwrap(stored).importId }))
    const wgs = { latitude: c.lat + 0.01, longitude: c.lng + 0.01 }
    const rows = [
      aedRow('第一台', c.lat, c.lng), // row 2: ok
      aedRow('第二台', c.lat + 0.001, c.lng, { guardianPhone: '1380000' }), // row 3: bad phone
      aedRow('第三台', c.lat + 0.002, c.lng, { placement: '地下' }), // row 4: unknown placement
      aedRow('第四台', 48.85, 2.35), // row 5: Paris
      aedRow('第五台', c.lat + 0.00005, c.lng), // row 6: 5.6 m from row 2
      aedRow('第六台', existing.lat + 0.00009, existing.lng), // row 7: 10 m from a stored AED
      aedRow('第七台', wgs.latitude, wgs.longitude, { datum: 'WGS-84', hours: '工作日 08:30-17:30' }), // row 8: ok, converted
    ]
    const before = cloud.docs('aeds').length
    const answer = unwrap(await preview('aeds', c.id, await upload(csvFile('aeds', rows), 'csv')))
    expect(cloud.docs('aeds')).toHaveLength(before)
    expect(answer).toMatchObject({ total: 7, okCount: 2, badCount: 5, existsCount: 0 })
    const errorsOf = (row: number) => answer.rows.find((r) => r.row === row)?.errors
    expect(errorsOf(2)).toEqual([])
    expect(errorsOf(3)).toEqual([{ column: '负责人电话', message: '负责人电话“1380000”不对，应为11位手机号或带区号的固话，如 0575-84123456' }])
    expect(errorsOf(4)).toEqual([{ column: '室内或室外', message: '“地下”不是可选的位置，请填 室内 或 室外' }])
    expect(errorsOf(5)).toEqual([{ column: '纬度', message: '坐标（48.85, 2.35）不在中国境内，请检查纬度、经度是否填反或少了位数' }])
    expect(errorsOf(6)).toEqual([{ column: '纬度', message: '与第2行的AED相距不到20米，可能是同一台' }])
    expect(errorsOf(7)).toEqual([{ column: '纬度', message: '与已有的AED“已有的AED”相距不到20米，可能是同一台' }])

    const committed = unwrap(await call<ImportSummary>(STAFF, 'commit', { importId: answer.importId }))
    expect(committed).toMatchObject({ status: 'committed', added: 2 })
    const mine = () => cloud.docs('aeds').filter((a) => a.importId === answer.importId)
    expect(mine().map((a) => a.name).sort()).toEqual(['第一台', '第七台'])
    const converted = mine().find((a) => a.name === '第七台') as { location: { coordinates: number[] } }
    const expected = wgs84ToGcj02(wgs)
    expect(converted.location.coordinates[0]).toBeCloseTo(expected.longitude, 6)
    expect(converted.location.coordinates[1]).toBeCloseTo(expected.latitude, 6)

    // Committing again, or previewing and committing the same file again, adds nothing.
    expect(unwrap(await call<ImportSummary>(STAFF, 'commit', { importId: answer.importId }))).toMatchObject({ added: 2 })
    // What the audit trail records of it: the file and the counts.
    expect(cloud.docs('auditLog').filter((e) => e.target === answer.importId)).toEqual([
      expect.objectContaining({ fn: 'import', action: 'commit', communityId: c.id, actorOpenid: STAFF, summary: '导入AED设备（表格.csv）：共7行，新写入2行，已存在跳过0行，有误未写入5行' }),
    ])
    const again = unwrap(await preview('aeds', c.id, await upload(csvFile('aeds', rows), 'csv')))
    expect(again).toMatchObject({ okCount: 0, existsCount: 2, badCount: 5 })
    expect(unwrap(await call<ImportSummary>(STAFF, 'commit', { importId: again.importId }))).toMatchObject({ added: 0 })
    expect(cloud.docs('aeds')).toHaveLength(before + 2)

    // Undo removes what the import added, except what was changed since.
    const inspected = mine().find((a) => a.name === '第一台') as { _id: string }
    cloud.store.update('aeds', { _id: inspected._id }, { $push: { history: { at: new Date(), event: '巡检：设备完好', by: STAFF, byName: '沈站长' } } })
    const undone = unwrap(await call<ImportSummary>(STAFF, 'undo', { importId: answer.importId }))
    expect(undone).toMatchObject({ status: 'undone', removed: 1 })
    expect(mine().map((a) => a.name)).toEqual(['第一台'])
    expect(unwrap(await call<ImportSummary>(STAFF, 'undo', { importId: answer.importId }))).toMatchObject({ status: 'undone', removed: 1 })
    expect(await call(STAFF, 'commit', { importId: answer.importId })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  test('undo is refused after 24 hours', async () => {
    const c = community()
    const answer = unwrap(await preview('volunteers', c.id, await upload(csvFile('volunteers', [{ name: '赵一', phone: '13900000001', hours: '0' }]), 'csv')))
    unwrap(await call(STAFF, 'commit', { importId: answer.importId }))
    cloud.store.update('imports', { _id: answer.importId }, { $set: { committedAt: new Date(Date.now() - 25 * 3_600_000) } })
    expect(await call(STAFF, 'undo', { importId: answer.importId })).toMatchObject({ ok: false, code: 'CONFLICT', message: '导入已超过24小时，不能再撤销' })
    expect(cloud.docs('importedPeople').filter((p) => p.importId === answer.importId)).toHaveLength(1)
  })

  test.each([
    ['a formula', async () => upload(await xlsxFile('volunteers', [{ name: '钱二', phone: '13900000002' }], (s) => (s.getCell('D2').value = { formula: 'SUM(1,2)', result: 3 })), 'xlsx'), '第2行第4列是公式'],
    ['a formula in a .csv', async () => upload(Buffer.from('姓名,手机号\n=HYPERLINK("http://x"),13900000002\n'), 'csv'), '第2行第1列是公式'],
    ['macros', async () => upload(Buffer.concat([await xlsxFile('volunteers', [{ name: '钱二', phone: '13900000002' }]), Buffer.from('PK\u0003\u0004xl/vbaProject.bin', 'latin1')]), 'xlsx'), '文件含有宏'],
    ['an empty file', async () => upload(Buffer.alloc(0), 'csv'), '文件是空的'],
    ['a header only', async () => upload(csvFile('volunteers', []), 'csv'), '文件只有表头'],
    ['another template', async () => upload(csvFile('fund', [{ date: '2026-01-01' }]), 'csv'), '表头缺少：姓名、手机号'],
    ['a word file', async () => upload(Buffer.from('%PDF-1.4'), 'pdf'), '只能导入 .xlsx 或 .csv 文件'],
    ['more than 5,000 rows', async () => upload(csvFile('volunteers', Array.from({ length: 5_001 }, (_, i) => ({ name: '孙三', phone: `139${String(i).padStart(8, '0')}` }))), 'csv'), '一个文件最多 5000 行'],
  ])('%s is refused with a clear error and nothing is stored', async (_label, make, message) => {
    const c = community()
    const fileID = await make()
    const before = [cloud.docs('imports').length, cloud.docs('importedPeople').length]
    const answer = await preview('volunteers', c.id, fileID, `表格.${fileID.split('.').pop()}`)
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(answer.ok === false && answer.message).toContain(message)
    expect([cloud.docs('imports').length, cloud.docs('importedPeople').length]).toEqual(before)
  })

  test('only staff of the community import, and only files from their own folder', async () => {
    const c = community()
    const fileID = await upload(csvFile('volunteers', [{ name: '周四', phone: '13900000004' }]), 'csv')
    expect(await call(OUTSIDER, 'preview', { kind: 'volunteers', communityId: c.id, fileID })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('im-resident', 'template', { kind: 'aeds' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const theirs = await upload(csvFile('volunteers', [{ name: '周四', phone: '13900000004' }]), 'csv', OUTSIDER)
    expect(await preview('volunteers', c.id, theirs)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const answer = unwrap(await preview('volunteers', c.id, fileID))
    expect(await call(OUTSIDER, 'commit', { importId: answer.importId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(cloud.docs('importedPeople').filter((p) => p.communityId === c.id)).toHaveLength(0)
  })

  test('the upload endpoint takes spreadsheets from staff only', async () => {
    const put = (openid: string, name: string, body: Buffer) =>
      fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'x-wx-openid': openid }, body: new Uint8Array(body) })
    const sheet = await xlsxFile('aeds', [])
    expect((await put(STAFF, 'imports/a1.xlsx', sheet)).status).toBe(200)
    expect((await put('im-resident', 'imports/a2.xlsx', sheet)).status).toBe(403)
    expect((await put(STAFF, 'imports/a3.xlsx', Buffer.from('not a zip'))).status).toBe(415)
    expect((await put(STAFF, 'imports/a4.csv', Buffer.from('名称,地址\n'))).status).toBe(200)
    expect((await put(STAFF, 'imports/a5.exe', sheet)).status).toBe(400)
  })
})

describe('people who are not in the app yet', () => {
  test('a volunteer imported with 120 h becomes the person who registers with that phone only after staff confirm; 我的志愿 then shows the 120 h with its period', async () => {
    const c = community()
    const answer = unwrap(await preview('volunteers', c.id, await upload(csvFile('volunteers', [{ name: '吴五', phone: '13900000005', skills: '维修', hours: '120', hoursFrom: '2021-03-01', hoursTo: '2025-12-31' }]), 'csv')))
    unwrap(await call(STAFF, 'commit', { importId: answer.importId }))
    unwrap(await cloud.call('volunteer', 'im-wu', { action: 'register', name: '吴五', phone: '13900000005', communityId: c.id, birthYear: 1970, skills: ['维修'], availability: ['sat-am'] }))
    const mine = async () => unwrap(await cloud.call<{ totals: VolunteerTotals; recent: LedgerEntry[] }>('volunteer', 'im-wu', { action: 'mine' }))
    // Registering with the phone links nothing by itself: a phone number is not proof.
    expect((await mine()).totals.hours).toBe(0)
    const { items } = unwrap(await call<{ items: ImportMatch[] }>(STAFF, 'matches', { communityId: c.id }))
    expect(items).toEqual([expect.objectContaining({ name: '吴五', phone: '13900000005', candidateName: '吴五', detail: '既往服务120小时（2021-03-01至2025-12-31）；技能：维修' })])
    expect(await call(OUTSIDER, 'confirmMatch', { personId: items[0].personId, candidateId: items[0].candidateId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await mine()).totals.hours).toBe(0)

    unwrap(await call(STAFF, 'confirmMatch', { personId: items[0].personId, candidateId: items[0].candidateId }))
    unwrap(await call(STAFF, 'confirmMatch', { personId: items[0].personId, candidateId: items[0].candidateId }))
    const after = await mine()
    expect(after.totals.hours).toBe(120)
    expect(after.recent).toEqual([expect.objectContaining({ source: 'carryover', title: '历史时长结转', hours: 120, serviceFrom: '2021-03-01', serviceDate: '2025-12-31', creditedBy: '沈站长' })])
    expect(unwrap(await call<{ items: ImportMatch[] }>(STAFF, 'matches', { communityId: c.id })).items).toEqual([])
    // Linked records are theirs now: undo leaves them.
    expect(unwrap(await call<ImportSummary>(STAFF, 'undo', { importId: answer.importId }))).toMatchObject({ removed: 0 })
  })

  test('an imported member confirmed as an applicant becomes that member: their number, join date and dues, not a new number', async () => {
    const c = community()
    const answer = unwrap(await preview('members', c.id, await upload(csvFile('members', [{ name: '郑六', phone: '13900000006', memberNo: 'GY-2018-017', joinDate: '2018-04-02', category: '成人', duesPaidThrough: '2025' }]), 'csv')))
    unwrap(await call(STAFF, 'commit', { importId: answer.importId }))
    unwrap(await cloud.call('member', 'im-zheng', { action: 'apply', name: '郑六', idNumber: '330602199001011231', phone: '13900000006', communityId: c.id, address: '柯桥街道导入小区1幢', consent: true, idConsent: true }))
    const { items } = unwrap(await call<{ items: ImportMatch[] }>(STAFF, 'matches', { communityId: c.id }))
    expect(items).toEqual([expect.objectContaining({ kind: 'members', name: '郑六', detail: '会员编号GY-2018-017，2018-04-02入会，成人会员，会费缴至2025年' })])
    expect(cloud.docs('applications').find((a) => a.openid === 'im-zheng')).toMatchObject({ status: 'pending', memberNo: null })
    unwrap(await call(STAFF, 'confirmMatch', { personId: items[0].personId, candidateId: items[0].candidateId }))
    expect(cloud.docs('applications').find((a) => a.openid === 'im-zheng')).toMatchObject({ status: 'approved', memberNo: 'GY-2018-017', joinedAt: '2018-04-02', duesPaidThrough: 2025 })
    expect(cloud.docs('users').find((u) => u._id === 'im-zheng')).toMatchObject({ roles: expect.arrayContaining(['member']) })
  })
})
