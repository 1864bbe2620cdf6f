import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import { wgs84ToGcj02 } from '../../src/domain/geo'
import { shot, startE2E, ui, type E2E } from './harness'

/**
 * A station moves in (issue #27): staff download the AED template, fill it, upload it, see the one
 * bad row flagged with its column, import the rest, and the new AED is on 找AED for residents.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

// The resident's browser near 大渡社区 (WGS-84); the imported device stands a few metres from them.
const BROWSER_POSITION = { latitude: 30.0694, longitude: 120.5037 }
const HERE = wgs84ToGcj02(BROWSER_POSITION)

describe('导入AED', () => {
  test('template → filled file → one bad row flagged → import → on 找AED', async () => {
    const { page, errors } = await e2e.open('demo-staff')
    await page.goto(`${e2e.cloud.url}/#/packages/staff/pages/index/index`)
    await page.locator('.nut-cell', { hasText: '导入' }).first().click()
    await page.locator('[data-testid="import-kind"]').waitFor()
    await ui.pick(page, 'import-community', '大渡社区')
    await ui.pick(page, 'import-kind', 'AED设备')
    await page.locator('[data-testid="import-template"]').waitFor()

    // The template as the browser saves it: the header staff fill in.
    const [download] = await Promise.all([page.waitForEvent('download'), ui.button(page, '下载模板')])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path()) as string)
    const sheet = workbook.getWorksheet('导入') as ExcelJS.Worksheet
    const header = (sheet.getRow(1).values as string[]).slice(1)
    assert.equal(header[0], '名称')
    const row = (values: Record<string, string>) => header.map((title) => values[title] ?? '')
    const good = { 名称: '大渡菜场入口AED', 地址: '柯桥区大渡菜场东门', 位置说明: '东门保安亭内', 楼层: '1楼', 室内或室外: '室内', 纬度: HERE.latitude.toFixed(6), 经度: HERE.longitude.toFixed(6), 坐标系: 'GCJ-02', 开放时间: '24小时', 电极片有效期: '2028-06-30', 电池有效期: '2029-12-31', 最近巡检日期: '2026-11-20', 负责人电话: '0575-84123456' }
    const bad = { ...good, 名称: '大渡菜场西门AED', 纬度: (HERE.latitude + 0.002).toFixed(6), 负责人电话: '12345' }
    ;[row(good), row(bad)].forEach((values, i) => values.forEach((value, col) => (sheet.getCell(i + 2, col + 1).value = value)))
    const filled = Buffer.from(await workbook.xlsx.writeBuffer())

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), ui.button(page, '选择文件并检查')])
    await chooser.setFiles({ name: '大渡AED.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled })
    const preview = page.locator('[data-testid="import-preview"]')
    await preview.waitFor()
    assert.match(await page.locator('[data-testid="preview-counts"]').innerText(), /共2行：可以导入1行，已导入过0行，有误1行/)
    const flagged = page.locator('[data-testid="preview-bad-row"]')
    assert.equal(await flagged.count(), 1)
    assert.match(await flagged.innerText(), /第3行（大渡菜场西门AED）[\s\S]*负责人电话：负责人电话“12345”不对/)
    await shot(page, 'import-preview')

    await ui.button(page, '导入1行')
    await ui.modal(page, '导入')
    await page.locator('[data-testid="import-done"]', { hasText: '已导入1行' }).waitFor()
    await page.locator('[data-testid="import-history-item"]', { hasText: '已导入' }).first().waitFor()
    await shot(page, 'import-done')

    // A resident nearby finds it on 找AED.
    const resident = await e2e.open('demo-resident', { geolocation: BROWSER_POSITION })
    await resident.page.goto(`${e2e.cloud.url}/#/packages/aed/pages/index/index`)
    await resident.page.locator('[data-testid="location-consent"]').waitFor()
    await ui.button(resident.page, '同意并使用我的位置')
    await resident.page.locator('[data-testid="aed-card"]', { hasText: '大渡菜场入口AED' }).first().waitFor()
    assert.equal(await resident.page.locator('[data-testid="aed-card"]', { hasText: '大渡菜场西门AED' }).count(), 0)
    await shot(resident.page, 'import-found-on-map')
    assert.deepEqual([...errors, ...resident.errors], [])
  })
})
