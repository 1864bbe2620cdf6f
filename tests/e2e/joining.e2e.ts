import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { shot, startE2E, ui, type E2E } from './harness'

/** Joining: a resident applies (fixing a field error), staff approve, the resident sees the card. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const MEMBER_HOME = '/#/packages/member/pages/index/index'
const fieldError = (page: Page, text: string) => page.locator('.form-field__error', { hasText: text })

async function fillPersonalDetails(page: Page, person: { name: string; idNumber: string; phone: string }) {
  await ui.fill(page, 'name', person.name)
  await ui.fill(page, 'idNumber', person.idNumber)
  await ui.fill(page, 'phone', person.phone)
}

async function consentAndSubmit(page: Page) {
  await page.locator('[data-testid="consent"]').click()
  await page.locator('[data-testid="idConsent"]').click()
  await ui.button(page, '下一步')
  await page.locator('[data-testid="summary"]').waitFor()
  await ui.button(page, '提交申请')
}

describe('红十字会员入会申请', () => {
  test('a resident applies, fixing an ID error on the way; staff approve; the resident sees the card', async () => {
    const { page: resident, errors } = await e2e.open('e2e-applicant')
    await resident.goto(`${e2e.cloud.url}${MEMBER_HOME}`)
    await ui.button(resident, '申请入会')

    await fillPersonalDetails(resident, { name: '王小红', idNumber: '330602199001011232', phone: '13857500011' })
    await fieldError(resident, '身份证号校验位不对').waitFor()
    await shot(resident, 'apply-id-error')
    await ui.fill(resident, 'idNumber', '330602199001011231')
    await fieldError(resident, '身份证号校验位不对').waitFor({ state: 'detached' })
    // Birth date and gender are read from the ID (GB 11643-1999), not asked again.
    assert.match(await resident.locator('[data-testid="derived"]').innerText(), /出生日期 1990-01-01，性别 男/)
    await ui.button(resident, '下一步')

    await ui.choose(resident, 'community', '玉兰社区')
    await ui.fill(resident, 'address', '玉兰花园3幢201室')
    await fieldError(resident, '请去掉门牌号').waitFor()
    await ui.fill(resident, 'address', '玉兰花园3幢')
    await ui.button(resident, '下一步')
    await consentAndSubmit(resident)

    await resident.locator('[data-testid="application-status"]', { hasText: '待审核' }).waitFor()
    await shot(resident, 'apply-pending')

    const { page: staff } = await e2e.open('demo-staff')
    await staff.goto(`${e2e.cloud.url}/#/packages/staff/pages/applications/index`)
    await staff.locator('[data-testid="application-item"]', { hasText: '王小红' }).click()
    await staff.locator('[data-testid="detail-身份证号"]', { hasText: '330602199001011231' }).waitFor()
    await shot(staff, 'review-detail')
    await ui.button(staff, '通过')
    await ui.modal(staff, '通过')
    await staff.locator('[data-testid="detail-会员号"]').waitFor()

    await resident.goto(`${e2e.cloud.url}${MEMBER_HOME}`)
    const card = resident.locator('[data-testid="member-card"]')
    await card.waitFor()
    const text = await card.innerText()
    assert.match(text, /王小红/)
    assert.match(text, /会员号 YL\d{8}/)
    assert.match(text, /3306\*{10}1231/)
    assert.doesNotMatch(text, /330602199001011231/)
    await shot(resident, 'member-card')

    // The subscription granted on submit carried one 入会审核结果 message, without the ID number.
    const outbox = (await (await fetch(`${e2e.cloud.url}/api/dev/outbox?openid=e2e-applicant`)).json()) as { items: Array<{ data: Record<string, { value: string }> }> }
    assert.equal(outbox.items.length, 1)
    assert.equal(outbox.items[0].data.phrase1.value, '已通过')
    assert.doesNotMatch(JSON.stringify(outbox), /330602199001011231/)
    assert.deepEqual(errors, [])
  })

  test('a youth applicant must give a guardian', async () => {
    const { page, errors } = await e2e.open('e2e-youth')
    await page.goto(`${e2e.cloud.url}/#/packages/member/pages/apply/index`)
    await fillPersonalDetails(page, { name: '陈小雨', idNumber: '330603201202290018', phone: '13857500012' })
    await ui.button(page, '下一步')
    await ui.choose(page, 'community', '大渡社区')
    await ui.fill(page, 'address', '柯桥街道大渡社区8幢')
    await page.locator('[data-testid="guardian"]').waitFor()
    await ui.button(page, '下一步')
    await fieldError(page, '请填写监护人姓名').waitFor()
    await fieldError(page, '请选择与监护人的关系').waitFor()
    await shot(page, 'apply-guardian-required')

    await ui.fill(page, 'guardianName', '陈大明')
    await ui.choose(page, 'guardianRelation', '父亲')
    await ui.fill(page, 'guardianPhone', '13900000012')
    await ui.button(page, '下一步')
    await consentAndSubmit(page)
    await page.locator('[data-testid="application-status"]', { hasText: '待审核' }).waitFor()
    assert.deepEqual(errors, [])
  })

  test('a resident registers as a volunteer and sees the profile', async () => {
    const { page, errors } = await e2e.open('e2e-helper')
    await page.goto(`${e2e.cloud.url}/#/packages/volunteer/pages/index/index`)
    await ui.button(page, '注册志愿者')
    await ui.fill(page, 'name', '周建华')
    await ui.fill(page, 'phone', '13857500013')
    await ui.fill(page, 'birthYear', '1968')
    await ui.choose(page, 'community', '大渡社区')
    await ui.choose(page, 'skills', '维修')
    await ui.choose(page, 'skills', '驾驶')
    await page.getByLabel('周六上午').click()
    await ui.button(page, '提交注册')
    const profile = page.locator('[data-testid="volunteer-profile"]')
    await profile.waitFor()
    await page.getByText('服务技能：维修、驾驶').waitFor()
    await page.getByText('有空时间：周六上午').waitFor()
    await shot(page, 'volunteer-profile')

    // Later they change what they can do and when, from 修改资料; the name and community stay.
    await ui.button(page, '修改资料')
    await page.getByText('周建华 · 大渡社区').waitFor()
    await ui.choose(page, 'skills', '驾驶')
    await page.getByLabel('周日下午').click()
    await ui.fill(page, 'intro', '退休电工，周末有空。')
    await ui.button(page, '保存资料')
    await page.getByText('服务技能：维修').waitFor()
    await page.getByText('有空时间：周六上午、周日下午').waitFor()
    await page.getByText('自我介绍：退休电工，周末有空。').waitFor()
    const [stored] = e2e.cloud.store.find('volunteers', { openid: 'e2e-helper' })
    assert.deepEqual([stored.name, stored.skills, stored.intro], ['周建华', ['维修'], '退休电工，周末有空。'])
    assert.deepEqual(errors, [])
  })
})
