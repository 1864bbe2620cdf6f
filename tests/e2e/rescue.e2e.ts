import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { LatLng } from '../../src/domain/geo'
import { browserPositionAt, shot, startE2E, ui, type E2E } from './harness'
import { measurePage } from './readable-measure'

/**
 * 紧急呼 (issue #22), the whole journey: a bystander calls 120 and raises an alert from the
 * emergency screen; demo-volunteer (李志强, enrolled and on duty at 大渡) finds it in the inbox,
 * accepts after a first responder and is sent for the AED, marks 已取到AED and 已到达; the raiser's
 * page shows both within 5 s and closes the alert; 90 minutes on, the debrief appears.
 */
let e2e: E2E
before(async () => {
  e2e = await startE2E()
})
after(() => e2e.close())

const call = async (openid: string, data: Record<string, unknown>) => {
  const response = await fetch(`${e2e.cloud.url}/api/functions/rescue`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Wx-Openid': openid }, body: JSON.stringify(data) })
  return (await response.json()) as { ok: boolean; code?: string }
}

test('raise after 120, accept from the inbox, fetch the AED, arrive; the raiser sees it all; the debrief follows', async () => {
  // demo-volunteer's chosen place (localcloud/seed/demo-rescue.ts) and a ready AED between it and the patient.
  const home = { latitude: 30.0656 + 0.0012, longitude: 120.5068 + 0.0009 }
  const eastOf = (from: LatLng, meters: number) => ({ latitude: from.latitude, longitude: from.longitude + meters / (111_195 * Math.cos((from.latitude * Math.PI) / 180)) })
  const patient = eastOf(home, 600)
  const aedAt = eastOf(home, 250)
  const today = new Date().toISOString().slice(0, 10)
  e2e.cloud.store.insert('aeds', [{
    _id: 'e2e-rescue-aed', name: '润和苑东门AED', communityId: 'dadu', location: { type: 'Point', coordinates: [aedAt.longitude, aedAt.latitude] }, address: '润和苑东门', landmark: '东门保安亭旁',
    placement: 'outdoor', floor: '', hours: { always: true }, accessNotes: '', model: '迈瑞 BeneHeart C1A', guardianOrg: '润和苑物业', guardianOpenid: null,
    padsExpiry: '2099-01-01', batteryExpiry: '2099-01-01', lastInspection: today, status: 'available', verified: true, photo: null, history: [], createdAt: new Date(),
  }])

  const { page: raiser, errors } = await e2e.open('demo-resident', { geolocation: browserPositionAt(patient) })
  await raiser.goto(`${e2e.cloud.url}/#/pages/emergency/index`)
  await raiser.locator('[data-testid="sos"] .nut-button', { hasText: '拨打 120' }).first().waitFor()
  await ui.button(raiser, '通知附近救护员')
  await raiser.locator('[data-testid="rescue-called-120"]').waitFor()
  await raiser.getByText('已取到位置').waitFor()
  await ui.fill(raiser, 'rescue-note', '润和苑3幢2单元门口')
  await raiser.locator('[data-testid="rescue-called-120"]').click()
  await shot(raiser, 'rescue-raise')
  await ui.button(raiser, '通知附近救护员')
  await raiser.locator('[data-testid="rescue-alerted"]').waitFor()
  const alertId = new URL(raiser.url().replace('/#/', '/')).searchParams.get('id')!
  const recipients = e2e.cloud.store.find('rescueRecipients', { alertId })
  assert.ok(recipients.some((r) => r.openid === 'demo-volunteer'), 'demo-volunteer is alerted')
  assert.match((await raiser.locator('[data-testid="rescue-alerted"]').textContent()) ?? '', new RegExp(`已通知 ${recipients.length} 位救护员`))

  // Someone nearer answers first and goes to the patient.
  const first = recipients.map((r) => r.openid as string).find((openid) => openid !== 'demo-volunteer')!
  assert.equal((await call(first, { action: 'respond', alertId, answer: 'accept' })).ok, true)

  const { page: volunteer, errors: volunteerErrors } = await e2e.open('demo-volunteer')
  await volunteer.goto(`${e2e.cloud.url}/#/packages/notify/pages/inbox/index`)
  await volunteer.locator('[data-testid="inbox-item"]', { hasText: '心脏骤停' }).first().click()
  await volunteer.locator('[data-testid="rescue-invite"]').waitFor()
  assert.equal(await volunteer.getByText('润和苑3幢2单元门口').count(), 0, 'no note before accepting')
  await shot(volunteer, 'rescue-invite')
  // The alert page needs an alert, so the size-and-contrast check of every page (readable.e2e.ts) measures it here,
  // once the page has settled (opened from the inbox, it is still sliding in).
  await volunteer.reload()
  await volunteer.locator('[data-testid="rescue-invite"]').waitFor()
  assert.deepEqual((await measurePage(volunteer)).violations, [])
  await ui.button(volunteer, '我能去')
  await volunteer.locator('[data-testid="rescue-my-aed"]').waitFor()
  assert.match((await volunteer.locator('[data-testid="rescue-role"]').textContent()) ?? '', /去取AED/)
  await volunteer.getByText('润和苑3幢2单元门口').first().waitFor()
  await shot(volunteer, 'rescue-aed-role')
  assert.deepEqual((await measurePage(volunteer)).violations, [])
  await ui.button(volunteer, '已取到AED，正在赶去')
  await volunteer.locator('.nut-button', { hasText: '已取到AED' }).filter({ hasNotText: '正在赶去' }).waitFor()
  await ui.button(volunteer, '我已到达')
  await volunteer.locator('.nut-button', { hasText: '已到达' }).filter({ hasNotText: '我已' }).waitFor()

  // The raiser's page reads again within 5 s.
  await raiser.locator('[data-testid="rescue-accepter"]', { hasText: '已取到AED' }).waitFor({ timeout: 8000 })
  await raiser.locator('[data-testid="rescue-accepter"]', { hasText: '已到达' }).waitFor({ timeout: 8000 })
  assert.equal(await raiser.locator('[data-testid="rescue-accepter"]').count(), 2)
  await shot(raiser, 'rescue-raiser')
  assert.deepEqual((await measurePage(raiser)).violations, [])
  await ui.button(raiser, '结束')
  await raiser.locator('.taro-actionsheet__cell', { hasText: '120已到达' }).click()
  await ui.modal(raiser, '结束')
  await raiser.getByText('已结束：120已到达').waitFor()

  // 90 minutes after closing (the fake clock): the debrief.
  e2e.cloud.store.update('rescueAlerts', { _id: alertId }, { $set: { closedAt: new Date(Date.now() - 91 * 60_000) } })
  await volunteer.reload()
  await volunteer.locator('[data-testid="rescue-debrief"]').waitFor()
  await shot(volunteer, 'rescue-debrief')
  await ui.button(volunteer, '提交回访')
  await volunteer.locator('[data-testid="rescue-debrief-done"]').waitFor()

  // 我的 → 紧急呼救护员: on duty, and one more alert may reach the phone after a top-up.
  await volunteer.goto(`${e2e.cloud.url}/#/packages/rescue/pages/settings/index`)
  const grants = volunteer.locator('[data-testid="rescue-grants"]')
  await grants.waitFor()
  const before = Number(/还可接收 (\d+) 次/.exec((await grants.textContent()) ?? '')?.[1])
  await ui.button(volunteer, '增加可接收次数')
  await volunteer.getByText(`还可接收 ${before + 1} 次紧急呼`).waitFor()
  await shot(volunteer, 'rescue-settings')

  // With the app open, the next alert appears by itself within 5 s (the app looks while it is in front).
  const again = await fetch(`${e2e.cloud.url}/api/functions/rescue`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Wx-Openid': 'e2e-second-bystander' },
    body: JSON.stringify({ action: 'raise', ...patient, kind: 'choking', called120: true, requestId: 'e2e-second-alert' }),
  })
  assert.equal(((await again.json()) as { ok: boolean }).ok, true)
  await volunteer.locator('[data-testid="rescue-invite"]').waitFor({ timeout: 8000 })
  assert.match((await volunteer.locator('[data-testid="rescue-alert-banner"]').textContent()) ?? '', /气道梗阻/)
  assert.deepEqual([...errors, ...volunteerErrors], [])
})
