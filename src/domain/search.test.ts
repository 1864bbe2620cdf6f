import * as v from 'valibot'
import { keywordField, keywordPattern } from './search'

const matches = (keyword: string, text: string) => new RegExp(keywordPattern(keyword) ?? '(?!)', 'i').test(text)

test('every word must appear, in any order, case-insensitively', () => {
  expect(matches('灯泡', '帮忙换楼道灯泡')).toBe(true)
  expect(matches('楼道 灯泡', '灯泡坏了，在三楼楼道')).toBe(true)
  expect(matches('楼道 医院', '帮忙换楼道灯泡')).toBe(false)
  expect(matches('aed', '菜市场 AED')).toBe(true)
})

test('what people type is taken literally, never as a regular expression', () => {
  expect(matches('.*', '帮忙换楼道灯泡')).toBe(false)
  expect(matches('a+b', 'a+b 的问题')).toBe(true)
  expect(matches('(', '括号(')).toBe(true)
  expect(keywordPattern('   ')).toBeNull()
})

test('search words are cleaned and capped, not cut', () => {
  expect(v.parse(keywordField, '  灯泡 ')).toBe('灯泡')
  expect(v.parse(keywordField, undefined)).toBe('')
  expect(v.safeParse(keywordField, '一二三四五六七八九十一二三四五六七八九十一').success).toBe(false)
})
