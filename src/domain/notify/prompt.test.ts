import type { NotifyKind } from './kinds'
import { forgetDecline, kindsToAsk, rememberAnswers, type PromptContext } from './prompt'

const NOW = new Date('2026-11-23T12:00:00.000Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3600_000).toISOString()
const ALL: NotifyKind[] = ['member_review', 'volunteer_review', 'wish_update', 'aed_report', 'training_signup', 'training_result']
const context = (overrides: Partial<PromptContext> = {}): PromptContext => ({
  configured: new Set(ALL),
  off: new Set(),
  longTerm: new Set(),
  memory: { declinedAt: {} },
  now: NOW,
  ...overrides,
})

test('asks for what the action wants, at most 3, once each', () => {
  expect(kindsToAsk(['wish_update'], context())).toEqual(['wish_update'])
  expect(kindsToAsk(['wish_update', 'wish_update', 'member_review', 'volunteer_review', 'aed_report'], context())).toEqual(['wish_update', 'member_review', 'volunteer_review'])
})

test('never a kind without a template, or one turned off in settings', () => {
  expect(kindsToAsk(['wish_update', 'aed_report'], context({ configured: new Set(['aed_report']) }))).toEqual(['aed_report'])
  expect(kindsToAsk(['wish_update'], context({ off: new Set(['wish_update']) }))).toEqual([])
})

test('a declined kind is not asked for again for 7 days; the others still are', () => {
  const memory = rememberAnswers({ declinedAt: {} }, { training_signup: 'reject', training_result: 'accept' }, NOW)
  expect(kindsToAsk(['training_signup', 'training_result'], context({ memory }))).toEqual(['training_result'])
  expect(kindsToAsk(['training_signup'], context({ memory: { declinedAt: { training_signup: daysAgo(6.9) } } }))).toEqual([])
  expect(kindsToAsk(['training_signup'], context({ memory: { declinedAt: { training_signup: daysAgo(7.1) } } }))).toEqual(['training_signup'])
})

test('a ban is remembered like a decline; an accept forgets an old decline; turning it on in settings forgets it too', () => {
  const banned = rememberAnswers({ declinedAt: {} }, { wish_update: 'ban' }, NOW)
  expect(banned.declinedAt.wish_update).toBe(NOW.toISOString())
  expect(rememberAnswers(banned, { wish_update: 'accept' }, NOW).declinedAt).toEqual({})
  expect(rememberAnswers(banned, { wish_update: 'filter' }, NOW)).toEqual(banned)
  expect(kindsToAsk(['wish_update'], context({ memory: forgetDecline(banned, 'wish_update') }))).toEqual(['wish_update'])
})

// wx.requestSubscribeMessage: "一次性模板 id 和永久模板 id 不可同时使用"
// https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
test('one-time and long-term templates are never asked for together: the first kind decides', () => {
  const longTerm = new Set<NotifyKind>(['aed_report'])
  expect(kindsToAsk(['wish_update', 'aed_report', 'member_review'], context({ longTerm }))).toEqual(['wish_update', 'member_review'])
  expect(kindsToAsk(['aed_report', 'wish_update'], context({ longTerm }))).toEqual(['aed_report'])
})
