import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import type { Envelope } from '@/domain/envelope'
import type { FundSummary } from '@/domain/fund/contract'
import { formatYuan } from '@/domain/fund/rules'
import { shot, startE2E, ui, type E2E } from './harness'

/** 博爱互助金 两公开: staff record a gift and pay aid approved by two people; a resident checks the public page; a donor checks a receipt. */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const COMMUNITY = 'dadu'
const DONOR = '吴晓燕'
const APPLICANT = '何春兰'

async function summary(): Promise<FundSummary> {
  const response = await fetch(`${e2e.cloud.url}/api/functions/fund`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'e2e-anyone' }, body: JSON.stringify({ action: 'summary', communityId: COMMUNITY }) })
  const envelope = (await response.json()) as Envelope<FundSummary>
  assert.ok(envelope.ok)
  return envelope.data
}

async function approve(page: Page, aidId: string) {
  await page.goto(`${e2e.cloud.url}/#/packages/fund/pages/aid/index?id=${aidId}`)
  await page.locator('[data-testid="aid-detail"]').waitFor()
  // By test id: 不同意 also contains 同意.
  await page.locator('[data-testid="aid-approve"]').click()
  await page.locator('.taro-modal__foot div', { hasText: /^同意$/ }).click()
}

describe('互助金公开', () => {
  test('a gift and an aid payment approved twice are public, masked, charted and verified on the phone; a donor checks the receipt', async () => {
    const before = await summary()

    // Staff record a donation that arrived by bank transfer.
    const { page: staff, errors: staffErrors } = await e2e.open('demo-staff')
    await staff.goto(`${e2e.cloud.url}/#/packages/fund/pages/staff/index`)
    await ui.pick(staff, 'staff-fund-community', '大渡社区')
    await ui.fill(staff, 'record-amount', '12000')
    await ui.choose(staff, 'record-category', '个人捐赠')
    await ui.fill(staff, 'record-party', DONOR)
    await ui.fill(staff, 'record-reference', 'E2E-YH-0001')
    await ui.button(staff, '登记')
    await ui.modal(staff, '登记')
    await staff.locator('[data-testid="fund-entry"]', { hasText: DONOR }).first().waitFor()
    await shot(staff, 'fund-staff-recorded')

    // A resident asks for aid above 5,000 元.
    const { page: resident, errors: residentErrors } = await e2e.open('e2e-applicant')
    await resident.goto(`${e2e.cloud.url}/#/packages/fund/pages/apply/index?id=${COMMUNITY}`)
    await ui.fill(resident, 'aid-name', APPLICANT)
    await ui.fill(resident, 'aid-phone', '13957500077')
    await ui.choose(resident, 'aid-category', '大病')
    await ui.fill(resident, 'aid-amount', '6000')
    await ui.fill(resident, 'aid-reason', '丈夫做心脏支架手术，医保报销后还要自付两万多元，家里实在困难。')
    await ui.button(resident, '提交申请')
    await ui.modal(resident, '提交')
    await resident.locator('[data-testid="aid-detail"]', { hasText: '审核中' }).waitFor()
    await shot(resident, 'fund-aid-applied')
    const aidId = new URL(resident.url().replace('/#/', '/')).searchParams.get('id') ?? ''
    assert.ok(aidId)

    // Two different staff members approve; the first alone is not enough.
    await approve(staff, aidId)
    await staff.locator('[data-testid="aid-detail"]', { hasText: '已同意 1 / 需要 2' }).waitFor()
    assert.equal(await staff.locator('[data-testid="aid-approve"]').count(), 0)
    const { page: second, errors: secondErrors } = await e2e.open('demo-staff-2')
    await approve(second, aidId)
    await second.locator('[data-testid="aid-detail"]', { hasText: '已批准，待发放' }).waitFor()

    // Staff pay it: the spending entry is recorded in the ledger, linked to the request.
    await ui.fill(second, 'aid-pay-reference', 'E2E-ZF-0001')
    await ui.button(second, '登记发放')
    await ui.modal(second, '登记')
    await second.locator('[data-testid="aid-detail"]', { hasText: '已发放' }).waitFor()
    await shot(second, 'fund-aid-paid')

    // A receipt for the donation.
    await staff.goto(`${e2e.cloud.url}/#/packages/fund/pages/staff/index`)
    await ui.pick(staff, 'staff-fund-community', '大渡社区')
    await staff.locator('[data-testid="fund-entry"]', { hasText: DONOR }).locator('.nut-button', { hasText: '开具捐赠证明' }).click()
    const modalText = await staff.locator('.taro-modal__content', { hasText: '核验码' }).innerText()
    const code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(modalText)?.[0]
    assert.ok(code, modalText)
    await ui.modal(staff, '知道了')

    // The resident opens 互助金公开: the new balance, the masked entry, the chart, 已核验.
    const expected = before.balanceFen + 1_200_000 - 600_000
    await resident.goto(`${e2e.cloud.url}/#/packages/fund/pages/public/index?id=${COMMUNITY}`)
    await resident.locator('[data-testid="fund-balance"]', { hasText: `${formatYuan(expected)} 元` }).waitFor()
    await resident.locator('[data-testid="fund-entry"]', { hasText: '何**' }).first().waitFor()
    await resident.locator('[data-testid="fund-chart"]').waitFor()
    await resident.locator('[data-testid="fund-check"]', { hasText: `账本完整，已核验 ${before.entries + 2} 条` }).waitFor()
    const pageText = await resident.locator('body').innerText()
    assert.ok(!pageText.includes(APPLICANT), 'the beneficiary\'s full name is never public')
    assert.ok(!pageText.includes('13957500077'))
    await shot(resident, 'fund-public')
    await resident.locator('[data-testid="fund-entry"]', { hasText: '何**' }).first().scrollIntoViewIfNeeded()
    await shot(resident, 'fund-public-entries')

    // Searching the entries by the bank reference finds the one gift; a beneficiary's full name finds nothing.
    await ui.fill(resident, 'fund-search', 'E2E-YH-0001')
    await resident.locator('[data-testid="fund-search"] .nut-button', { hasText: '搜索' }).click()
    // The list empties while the search loads: wait for its answer, the gift alone.
    await resident.waitForFunction((donor) => {
      const rows = document.querySelectorAll('[data-testid="fund-entry"]')
      return rows.length === 1 && !!rows[0].textContent?.includes(donor)
    }, DONOR)
    await shot(resident, 'fund-public-search')
    await ui.fill(resident, 'fund-search', APPLICANT)
    await resident.locator('[data-testid="fund-search"] .nut-button', { hasText: '搜索' }).click()
    await resident.getByText(`没有找到含“${APPLICANT}”的账目`).waitFor()

    // A donor checks the receipt's code.
    const { page: donor, errors: donorErrors } = await e2e.open('e2e-donor')
    await donor.goto(`${e2e.cloud.url}/#/packages/fund/pages/receipt/index`)
    await ui.fill(donor, 'receipt-code', code)
    await ui.button(donor, '核验')
    await donor.locator('[data-testid="receipt-result"]', { hasText: '捐赠证明真实有效' }).waitFor()
    await donor.locator('[data-testid="receipt-result"]', { hasText: DONOR }).waitFor()
    await shot(donor, 'fund-receipt')

    assert.deepEqual([...staffErrors, ...residentErrors, ...secondErrors, ...donorErrors], [])
  })

  test('an amount changed in the database: the phone names the entry', async () => {
    const target = e2e.cloud.store.find('fundEntries', { communityId: COMMUNITY, seq: 3 })[0]
    e2e.cloud.store.update('fundEntries', { _id: target._id }, { $set: { amountFen: (target.amountFen as number) + 100 } })
    const { page } = await e2e.open('e2e-anyone')
    await page.goto(`${e2e.cloud.url}/#/packages/fund/pages/public/index?id=${COMMUNITY}`)
    await page.locator('[data-testid="fund-check"]', { hasText: '第 3 条的内容被改动过' }).waitFor()
    await shot(page, 'fund-tampered')
  })
})
