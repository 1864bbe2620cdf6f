import * as v from 'valibot'
import { AppError } from '../errors'
import { parseInput } from '../validation'
import { applicationSchema, withoutDoorNumber } from './application'

const TODAY = '2026-11-23'
const schema = applicationSchema(TODAY)
const adult = {
  name: '王秀英',
  idNumber: '33060219900101124X',
  phone: '13857500001',
  communityId: 'yulan',
  address: '玉兰花园3幢',
  consent: true,
  idConsent: true,
}
const youth = { ...adult, name: '陈小雨', idNumber: '330603201202290018' }

const fieldsOf = (input: object) => {
  try {
    parseInput(schema, input)
    return {}
  } catch (error) {
    return (error as AppError).fields ?? {}
  }
}

test('birth date and gender come from the ID number (GB 11643-1999), whatever else is sent; no 职业 is kept', () => {
  const parsed = v.parse(schema, { ...adult, gender: 'male', birthDate: '1980-05-05', occupation: '教师' })
  expect(parsed).toMatchObject({ birthDate: '1990-01-01', gender: 'female' })
  expect(parsed).not.toHaveProperty('occupation')
})

test('a guardian given by an adult is not kept', () => {
  const parsed = v.parse(schema, { ...adult, guardian: { name: '王大明', relation: '父亲', phone: '13900000000' } })
  expect(parsed.guardian).toBeUndefined()
})

test('an ID whose first two digits are no province is refused', () => {
  expect(fieldsOf({ ...adult, idNumber: '00000019900101123X' })).toEqual({ idNumber: '身份证号的前两位不是有效的省份代码，请核对' })
})

test('no minimum age (《中国红十字会会员管理办法》 2009 sets none): a 12-year-old applies with a guardian', () => {
  expect(fieldsOf({ ...adult, idNumber: '330602201401011230', guardian: { name: '王大明', relation: '父亲', phone: '13900000000' } })).toEqual({})
})

test('the address is the compound and building only (PIPL 第六条): a door number is refused', () => {
  expect(fieldsOf({ ...adult, address: '玉兰花园3幢201' })).toEqual({ address: '只需填写小区和楼栋，请去掉门牌号' })
  expect(fieldsOf({ ...adult, address: '玉兰花园3幢2单元501室' })).toEqual({ address: '只需填写小区和楼栋，请去掉门牌号' })
  expect(fieldsOf({ ...adult, address: '玉兰花园3-2-501' })).toEqual({ address: '只需填写小区和楼栋，请去掉门牌号' })
  expect(fieldsOf({ ...adult, address: '大渡新村12栋' })).toEqual({})
})

test('a stored address keeps its compound and building only (migration)', () => {
  expect(withoutDoorNumber('港越社区港越新村5幢1单元302室')).toBe('港越社区港越新村5幢')
  expect(withoutDoorNumber('柯桥街道玉兰花园3幢201')).toBe('柯桥街道玉兰花园3幢')
  expect(withoutDoorNumber('玉兰花园3-2-501')).toBe('玉兰花园3幢')
  expect(withoutDoorNumber('大渡新村12栋')).toBe('大渡新村12栋')
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
    consent: '请阅读并同意《中国红十字会章程》和个人信息保护说明',
    idConsent: '请同意为入会审核收集您的身份证号',
  })
})

test('every field error comes back at once, in plain Chinese', () => {
  expect(fieldsOf({ phone: '2385750000', idNumber: '330602199001011232' })).toMatchObject({
    name: '请填写姓名',
    phone: '手机号应为1开头的11位数字',
    idNumber: '身份证号校验位不对，请核对是否有输错',
  })
})
