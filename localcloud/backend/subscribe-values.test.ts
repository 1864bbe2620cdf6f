import { checkTemplateData } from './subscribe-values'

// WeChat's 订阅消息参数值内容限制说明 (sources in subscribe-values.ts), one case per rule.
const accepts = (key: string, value: string) => checkTemplateData({ [key]: { value } })

const CASES: Array<[key: string, good: string[], bad: string[]]> = [
  ['thing1', ['帮忙换楼道灯泡', '12345678901234567890', '会员号YL2026000001', 'AED 3号楼大堂（一楼）', '请志愿者每周二下午陪我去柯桥区中医院…'], ['请志愿者每周二下午陪我去柯桥区中医院复查并', '第一行\n第二行', '生日快乐🎂']],
  ['number2', ['42', '3.14', '0'], ['-1', '1,000', '12a', '1.', '123456789012345678901234567890123']],
  ['letter3', ['abc', 'XYZ'], ['abc1', 'a b', '中']],
  ['symbol4', ['+', '!?', '#$%&*'], ['!!!!!!', 'a', '，']],
  ['character_string5', ['JHY202300001', 'YL-2026/0001', 'A1!'], ['JHY 2023', '救护员证', 'a'.repeat(33)]],
  ['time6', ['15:01', '15:01:59', '2019年10月1日 15:01', '2026-11-23 12:00', '2026/11/23 12:00', '15:01~16:00'], ['2026-11-23T12:00:00.000Z', '25:00', '3:05', '2026-11-23', '下午3点', '2026-02-30 12:00']],
  ['date7', ['2019年10月1日', '2019-10-01', '2019/10/01', '2019.10.01', '2019年10月', '10月1日', '2019-10', '10-01', '2019年10月1日 15:01', '2019-10-01~2019-10-07'], ['2019-13-01', '2019-02-30', '20191001', '2019-10-01T15:01:00Z', '15:01', '2019-10/01']],
  ['amount8', ['¥100', '￥100.50', '$9.9', '¥100元'], ['100', '100元', '¥', '¥12345678901', '¥-5', '¥¥100']],
  ['phone_number9', ['+86-0766-66888866', '13800138000', '0575-88001234'], ['1380013800012345678', '138 0013 8000', '电话13800138000', '---']],
  ['car_number10', ['粤A8Z888挂', '浙D12345', 'A12345'], ['浙D123456789', '浙-D12345', '浙D中2345']],
  ['name11', ['李建国', '买买提艾力', '王A', 'John', 'Smith'], ['李建国李建国李建国李建', 'a'.repeat(21), '李建国1', 'John Smith']],
  ['phrase12', ['已通过', '已认领', '待您确认', '超时已释放'], ['被工作人…', '被工作人员下架', '已通过！', 'OK', '审核ok', '已 通过']],
]

describe.each(CASES)('%s', (key, good, bad) => {
  test.each(good)('accepts %p', (value) => expect(accepts(key, value)).toBeNull())
  test.each(bad)('refuses %p', (value) => expect(accepts(key, value)).toEqual({ errCode: 47003, errMsg: `argument invalid! data.${key}.value invalid` }))
})

test('an ISO 8601 timestamp is not a documented time format, so it is refused', () => {
  // The documents list HH:MM(:SS) after an optional date and one space; "T…Z" is not among them.
  expect(accepts('time3', '2026-11-23T12:00:00.000Z')).not.toBeNull()
})

test('empty values are refused the way WeChat words it', () => {
  expect(accepts('thing1', '')).toEqual({ errCode: 47003, errMsg: 'argument invalid! data.thing1.value is empty' })
  expect(accepts('phrase2', '  ')).toEqual({ errCode: 47003, errMsg: 'argument invalid! data.phrase2.value is empty' })
})

test('a value that is not a string, an unknown type and enum are refused', () => {
  const odd = (data: Record<string, unknown>) => checkTemplateData(data as Record<string, { value: string }>)
  expect(odd({ number1: { value: 42 } })?.errMsg).toBe('argument invalid! data.number1.value invalid')
  expect(odd({ thing1: null })?.errMsg).toBe('argument invalid! data.thing1.value invalid')
  expect(accepts('site1', '柯桥区')?.errMsg).toBe('argument invalid! data.site1.value invalid')
  expect(accepts('enum1', '1')).not.toBeNull()
  expect(accepts('toString1', 'x')).not.toBeNull()
})

test('the first bad field is named; a valid template passes whole', () => {
  const data = { thing1: { value: '帮忙换楼道灯泡' }, phrase2: { value: '被工作人…' }, time3: { value: 'tomorrow' } }
  expect(checkTemplateData(data)?.errMsg).toBe('argument invalid! data.phrase2.value invalid')
  expect(checkTemplateData({ thing1: { value: '帮忙换楼道灯泡' }, phrase2: { value: '已下架' }, time3: { value: '2026年11月23日 10:00' } })).toBeNull()
})
