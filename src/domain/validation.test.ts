import * as v from 'valibot'
import { AppError } from './errors'
import { trainingInputs } from './firstaid/training'
import { applicationSchema } from './member/application'
import { fieldErrors, fields, parseInput } from './validation'
import { volunteerRegistrationSchema } from './volunteer/profile'
import { wishSchema } from './wish/rules'

const schema = v.object({
  page: fields.page,
  pageSize: fields.pageSize,
  guardian: v.object({ phone: v.pipe(v.string('请填写手机号'), v.regex(/^1\d{10}$/, '手机号应为 1 开头的 11 位数字')) }),
})

test('valid input comes back with defaults filled in', () => {
  expect(parseInput(schema, { guardian: { phone: '13800000000' } })).toEqual({ page: 1, pageSize: 20, guardian: { phone: '13800000000' } })
})

test('invalid input throws INVALID_INPUT with the first message per field path', () => {
  let error: unknown
  try {
    parseInput(schema, { page: 0, pageSize: 51, guardian: { phone: '2380000000' } })
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(AppError)
  expect(error).toMatchObject({
    code: 'INVALID_INPUT',
    message: '页码从 1 开始',
    fields: { page: '页码从 1 开始', pageSize: '每页最多 50 条', 'guardian.phone': '手机号应为 1 开头的 11 位数字' },
  })
})

test('ids are trimmed and bounded', () => {
  const id = fields.id('心愿编号')
  expect(v.parse(id, '  w1 ')).toBe('w1')
  expect(() => parseInput(id, '   ')).toThrow('缺少心愿编号')
  expect(() => parseInput(id, 'x'.repeat(65))).toThrow('心愿编号格式不正确')
})

test('an unpicked community asks to pick one, in every form that has one', () => {
  const forms = [wishSchema('2026-11-23'), volunteerRegistrationSchema('2026-11-23'), trainingInputs.create, applicationSchema('2026-11-23')]
  for (const form of forms) expect(fieldErrors(form, {}).communityId).toBe('请选择社区')
  expect(fieldErrors(wishSchema('2026-11-23'), { communityId: '' }).communityId).toBe('请选择社区')
})
