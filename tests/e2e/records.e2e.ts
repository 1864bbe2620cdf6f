import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { todayInChina } from '../../src/domain/dates'
import { checkCharacter } from '../../src/domain/member/id-number'
import { NATIONAL_EXPORT_COLUMNS } from '../../src/domain/volunteer/national-export'
import { shot, startE2E, ui, type E2E } from './harness'
import { measurePage } from './readable-measure'

/**
 * Records the organisation keeps and vouches for (issue #20): a volunteer registers with an ID
 * number; staff record hours, upload the community's seal in 证明设置 and export the period for the
 * national 志愿服务信息系统 (a CSV whose header is the cited layout, with the full ID number); the
 * certificate staff issue afterwards shows the seal and verifies.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

async function api<T>(openid: string, name: string, data: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${e2e.cloud.url}/api/functions/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Wx-Openid': openid }, body: JSON.stringify(data) })
  const envelope = (await response.json()) as { ok: boolean; data: T; message?: string }
  assert.ok(envelope.ok, `${name}.${String(data.action)}: ${envelope.message}`)
  return envelope.data
}

const idFor = (birthDate: string) => {
  const first17 = `330603${birthDate.replace(/-/g, '')}215`
  return first17 + checkCharacter(first17)
}

/** A seal-like picture (a red ring with text) drawn by the browser itself, as a PNG. */
async function sealPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 240
    canvas.height = 240
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, 240, 240)
    ctx.strokeStyle = '#d0021b'
    ctx.lineWidth = 10
    ctx.beginPath()
    ctx.arc(120, 120, 105, 0, Math.PI * 2)
    ctx.stroke()
    ctx.fillStyle = '#d0021b'
    ctx.font = 'bold 28px sans-serif'
    ctx.textAlign = 'center'
    ctx.fillText('★', 120, 130)
    ctx.font = '22px sans-serif'
    ctx.fillText('红十字会', 120, 180)
    return canvas.toDataURL('image/png')
  })
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}

describe('records the organisation vouches for', () => {
  test('register with an ID number; staff upload the seal and export the records; the certificate shows the seal and verifies', async () => {
    const url = e2e.cloud.url
    const idNumber = idFor('1978-06-15')

    // 注册志愿者 with the optional ID number and its own consent.
    const { page: volunteer, errors: volunteerErrors } = await e2e.open('e2e-records-volunteer')
    await volunteer.goto(`${url}/#/packages/volunteer/pages/register/index`)
    await ui.fill(volunteer, 'name', '孙记录')
    await ui.fill(volunteer, 'phone', '13957509901')
    await ui.fill(volunteer, 'birthYear', '1978')
    await ui.fill(volunteer, 'idNumber', idNumber)
    await volunteer.locator('[data-testid="idConsent"]').waitFor()
    await shot(volunteer, 'records-register-id')
    assert.deepEqual((await measurePage(volunteer)).violations, [])
    await volunteer.locator('[data-testid="idConsent"]').click()
    await ui.pick(volunteer, 'community', '大渡社区')
    await ui.pick(volunteer, 'skills', '维修')
    await ui.button(volunteer, '提交注册')
    await volunteer.waitForURL(/packages\/volunteer\/pages\/index/)
    const stored = e2e.cloud.store.find('volunteers', { openid: 'e2e-records-volunteer' })[0]
    assert.equal(stored.birthDate, '1978-06-15')
    assert.doesNotMatch(JSON.stringify(stored), new RegExp(idNumber))

    // Staff of 大渡 record two hours served last week.
    const today = todayInChina()
    const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10)
    const served = weekAgo.slice(0, 4) === today.slice(0, 4) ? weekAgo : today
    await api('demo-staff-2', 'volunteer', { action: 'correctHours', volunteerId: stored._id, hours: 2, reason: '社区义诊导诊服务', serviceDate: served, requestId: 'e2e-records-1' })

    // 证明设置: the seal image, the staff member's own upload, previewed and saved.
    const { page: staff, errors: staffErrors } = await e2e.open('demo-staff')
    await staff.goto(`${url}/#/packages/staff/pages/certificates/index`)
    const settings = staff.locator('[data-testid="issuer-settings"]', { hasText: '大渡社区' })
    await settings.getByText('尚未上传公章图片').waitFor()
    const png = await sealPng(staff)
    const chooser = staff.waitForEvent('filechooser')
    await settings.locator('.nut-button', { hasText: '上传公章图片' }).click()
    await (await chooser).setFiles({ name: 'seal.png', mimeType: 'image/png', buffer: png })
    await settings.locator('[data-testid="seal-preview"]').waitFor()
    await settings.locator('.nut-button', { hasText: '保存证明设置' }).click()
    await staff.getByText('已保存').waitFor()
    await settings.scrollIntoViewIfNeeded()
    await shot(staff, 'records-seal-settings')
    assert.deepEqual((await measurePage(staff)).violations, [])
    const community = e2e.cloud.store.find('communities', { _id: 'dadu' })[0] as unknown as { certificateIssuer: { sealFileId: string | null } }
    assert.match(community.certificateIssuer.sealFileId ?? '', /^cloud:\/\/.+\/uploads\//)

    // 工作台 → 志愿服务记录导出: the CSV downloads, UTF-8 with BOM, in the cited columns.
    await staff.goto(`${url}/#/packages/staff/pages/index/index`)
    await staff.locator('.nut-cell', { hasText: '志愿服务记录导出' }).click()
    const form = staff.locator('[data-testid="records-export"]', { hasText: '大渡社区' })
    await form.waitFor()
    // Once the page has slid in (Taro's H5 page transition).
    await staff.waitForTimeout(600)
    await shot(staff, 'records-export')
    assert.deepEqual((await measurePage(staff)).violations, [])
    await form.locator('.nut-button', { hasText: '导出表格（CSV）' }).click()
    const [download] = await Promise.all([staff.waitForEvent('download'), ui.modal(staff, '导出')])
    assert.match(download.suggestedFilename(), /^大渡社区志愿服务记录_\d{4}-01-01_\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = fs.readFileSync(await download.path(), 'utf8')
    assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 with BOM, as Excel opens it')
    const lines = csv.slice(1).split('\r\n')
    assert.equal(lines[0], NATIONAL_EXPORT_COLUMNS.join(','))
    const mine = lines.find((line) => line.startsWith('孙记录,'))
    assert.ok(mine, 'the volunteer\'s record is in the file')
    assert.ok(mine.includes(`,居民身份证,${idNumber},13957509901,`), 'with the full ID number the national system matches by')
    assert.ok(mine.includes(`,${served},${served},2,`))
    await staff.getByText(/共 \d+ 条记录/).waitFor()
    await shot(staff, 'records-exported')

    // The 证明 staff issue afterwards shows the seal, and its code verifies.
    const request = await api<{ _id: string }>('e2e-records-volunteer', 'volunteer', { action: 'requestCertificate', from: served, to: today, idType: 'resident_id', idNumber })
    await api('demo-staff', 'volunteer', { action: 'issueCertificate', requestId: request._id })
    await volunteer.goto(`${url}/#/packages/volunteer/pages/certificate/index`)
    const details = volunteer.locator('[data-testid="certificate-details"]')
    await details.waitFor()
    await details.locator('.certificate-details__seal img').waitFor()
    await details.scrollIntoViewIfNeeded()
    await shot(volunteer, 'records-certificate-seal')
    // The drawn picture the volunteer keeps carries the seal too: red pixels beside the organisation's name.
    await volunteer.locator('[data-testid="drawn-image"] img').first().waitFor()
    const stamped = await volunteer.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas[canvas-id="service-certificate"]')
      if (!canvas) return -1
      const ratio = canvas.width / 330
      const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(Math.round(173 * ratio), Math.round(380 * ratio), Math.round(92 * ratio), Math.round(92 * ratio)).data
      let red = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] > 150 && data[i + 1] < 90 && data[i + 2] < 90) red++
      return red
    })
    assert.ok(stamped > 500, `the seal is drawn on the certificate picture (${stamped} red pixels)`)
    await volunteer.locator('[data-testid="drawn-image"]').scrollIntoViewIfNeeded()
    await shot(volunteer, 'records-certificate-drawn')
    const code = ((await volunteer.locator('[data-testid="certificate-code"]').innerText()).match(/[A-Z2-7]{12}/) ?? [''])[0]
    const check = await api<{ genuine: boolean; certificate: { issuer: { sealUrl: string | null } } }>('e2e-stranger', 'volunteer', { action: 'verifyCertificate', code })
    assert.equal(check.genuine, true)
    assert.ok(check.certificate.issuer.sealUrl)
    assert.deepEqual([...volunteerErrors, ...staffErrors], [])
  })
})
