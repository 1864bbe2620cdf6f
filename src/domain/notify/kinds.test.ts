import { kindOfTemplate, NOTIFY_KIND_NAMES, NOTIFY_KINDS } from './kinds'

test('every kind has its own template id, found back from it', () => {
  const ids = NOTIFY_KIND_NAMES.map((kind) => NOTIFY_KINDS[kind].templateId)
  expect(new Set(ids).size).toBe(ids.length)
  for (const kind of NOTIFY_KIND_NAMES) expect(kindOfTemplate(NOTIFY_KINDS[kind].templateId)).toBe(kind)
})

test('template fields respect WeChat limits (thing ≤ 20, phrase ≤ 5 characters)', () => {
  const data = NOTIFY_KINDS.wish_update.template({
    wishId: 'w1',
    wishTitle: '请志愿者每周二下午陪我去柯桥区中医院复查并帮忙取药',
    statusLabel: '已被志愿者认领',
    at: '2026-11-23 10:00',
  })
  expect(data.thing1.value.length).toBeLessThanOrEqual(20)
  expect(data.thing1.value.endsWith('…')).toBe(true)
  expect(data.phrase2.value.length).toBeLessThanOrEqual(5)
})

test('a rejection tells the reason in the inbox text', () => {
  expect(NOTIFY_KINDS.member_review.body({ approved: false, reason: '身份证照片不清晰', reviewedAt: '2026-11-23' })).toContain('身份证照片不清晰')
})
