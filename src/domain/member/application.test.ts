import * as v from 'valibot'
import { AppError } from '../errors'
import { parseInput } from '../validation'
import { applicationSchema } from './application'

const TODAY = '2026-11-23'
const schema = applicationSchema(TODAY)
const adult = {
  name: '王秀英',
  gender: 'female',
  birthDate: '1990-01-01',
  idNumber: '330602199001011231',
  phone: '13857500001',
  communityId: 'yulan',
  address: '柯桥街道玉兰花园3幢',
  consent: true,
  idConsent: true,
}
const youth = { ...adult, name: '陈小雨', birthDate: '2012-02-29', idNumber: '330603201202290018' }

const fieldsOf = (input: object) => {
  try {
    parseInput(schema, input)
    return {}
  } catch (error) {
    return (error as AppError).fields ?? {}
  }
}

test('a complete adult application passes; a guardian given by an adult is not kept', () => {
  const parsed = v.parse(schema, { ...adult, guardian: { name: '王大明', relation: '父亲', phone: '13900000000' } })
  expect(parsed.guardian).toBeUndefined()
  expect(parsed.occupation).toBe('')
})

test('the ID birth date must match the entered birth date', () => {
  expect(fieldsOf({ ...adult, birthDate: '1990-01-02' })).toEqual({ idNumber: '身份证号中的出生日期与填写的出生日期不一致' })
})

test('under 14 may not apply', () => {
  expect(fieldsOf({ ...adult, birthDate: '2013-01-01', idNumber: '330602201301011233' }).birthDate).toBe('年满14周岁才能申请入会')
})

test('a youth applicant must give a guardian, with a valid phone', () => {
  expect(fieldsOf(youth)).toEqual({ guardian: '未满18周岁需要填写监护人信息' })
  expect(fieldsOf({ ...youth, guardian: { name: '陈大明', relation: '父亲', phone: '1390000' } })).toEqual({
    'guardian.phone': '监护人手机号应为1开头的11位数字',
  })
  expect(fieldsOf({ ...youth, guardian: { name: '陈大明', relation: '父亲', phone: '13900000000' } })).toEqual({})
})

test('consents are required, each with its own message', () => {
  expect(fieldsOf({ ...adult, consent: false, idConsent: undefined })).toEqual({
    consent: '请阅读并同意《中国红十字会章程》和隐私说明',
    idConsent: '请同意为入会审核收集您的身份证号',
  })
})

test('every field error comes back at once, in plain Chinese', () => {
  expect(fieldsOf({ gender: 'x', phone: '2385750000', idNumber: '330602199001011232' })).toMatchObject({
    name: '请填写姓名',
    gender: '请选择性别',
    phone: '手机号应为1开头的11位数字',
    idNumber: '身份证号校验位不对，请核对是否有输错',
  })
})
