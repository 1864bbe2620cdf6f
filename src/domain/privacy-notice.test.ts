import { applicationSchema } from './member/application'
import { APPLICATION_FIELD_LABELS, privacyNotice } from './privacy-notice'

/** PIPL 第十七条: the notice names the handler and contact, every category collected, retention, recipients and how to exercise each right. */
const notice = privacyNotice({ organisation: '柯桥区红十字会港越社区', contact: '0575-00000000' })
const text = notice.map((s) => [s.title, ...s.lines].join('\n')).join('\n')

test('every field the membership form collects has a label, and the notice names each one', () => {
  const entries = Object.keys((applicationSchema('2026-12-03').pipe[0] as { entries: Record<string, unknown> }).entries).filter((key) => !/consent/i.test(key))
  expect(entries.sort()).toEqual(Object.keys(APPLICATION_FIELD_LABELS).sort())
  for (const label of Object.values(APPLICATION_FIELD_LABELS)) expect(text).toContain(label)
})

test('it names the handler and how to reach them, retention, the 备案 recipient and each right with its page', () => {
  expect(text).toContain('柯桥区红十字会港越社区')
  expect(text).toContain('0575-00000000')
  expect(text).toContain('90天后删除')
  expect(text).toContain('区红十字会')
  for (const right of ['查阅、复制：我的 → 我的数据', '更正', '删除、注销：我的 → 注销账号', '退会']) expect(text).toContain(right)
  expect(text).not.toContain('职业')
})
