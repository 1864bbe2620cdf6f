import { localTemplateSetting, miniprogramStateOf, parseTemplateSetting, placeholderKinds } from './deployment'
import { NOTIFY_KIND_NAMES } from './kinds'

const all = (prefix: string) => Object.fromEntries(NOTIFY_KIND_NAMES.map((kind) => [kind, `${prefix}-${kind}`]))

describe('NOTIFY_TEMPLATES: every kind\'s template id in one JSON value', () => {
  test('a complete value gives every kind its id and reports nothing', () => {
    const setting = parseTemplateSetting(JSON.stringify(all('prod')))
    expect(setting.missing).toEqual([])
    expect(setting.problems).toEqual([])
    expect(setting.ids.staff_todo).toBe('prod-staff_todo')
  })

  test('unset: every kind is missing, and said so', () => {
    expect(parseTemplateSetting(undefined)).toEqual({ ids: {}, missing: NOTIFY_KIND_NAMES, problems: ['NOTIFY_TEMPLATES is not set'] })
  })

  test('a kind left out is missing; the others keep their ids', () => {
    const { staff_todo: _left, ...rest } = all('prod')
    const setting = parseTemplateSetting(JSON.stringify(rest))
    expect(setting.missing).toEqual(['staff_todo'])
    expect(setting.problems).toEqual([])
  })

  test.each([
    ['not JSON', '{wish_update: x}', 'NOTIFY_TEMPLATES is not valid JSON'],
    ['a list', '["a"]', 'NOTIFY_TEMPLATES is not a JSON object of kind → template id'],
  ])('%s: nothing is used, every kind is missing', (_name, raw, problem) => {
    const setting = parseTemplateSetting(raw)
    expect(setting.problems).toEqual([problem])
    expect(setting.missing).toEqual(NOTIFY_KIND_NAMES)
  })

  test('an empty id, a misspelt kind and an id shared by two kinds are reported and not used', () => {
    const setting = parseTemplateSetting(JSON.stringify({ ...all('prod'), wish_update: '', wish_updates: 'x', aed_alert: 'same', aed_report: 'same' }))
    expect(setting.missing).toEqual(['wish_update', 'aed_alert', 'aed_report'])
    expect(setting.problems).toEqual([
      'NOTIFY_TEMPLATES names "wish_updates", which is not a kind of the catalogue',
      'wish_update: the template id is not a non-empty string',
      'aed_alert, aed_report share one template id',
    ])
  })

  test('the local cloud\'s value is complete, and all of it is placeholders for a real deployment', () => {
    const local = parseTemplateSetting(localTemplateSetting())
    expect(local.missing).toEqual([])
    expect(placeholderKinds(local)).toEqual(NOTIFY_KIND_NAMES)
    expect(placeholderKinds(parseTemplateSetting(JSON.stringify(all('prod'))))).toEqual([])
  })
})

// sendMessage, miniprogram_state: "developer为开发版；trial为体验版；formal为正式版；默认为正式版"
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
describe('MINIPROGRAM_STATE', () => {
  test('unset is formal, as WeChat\'s default', () => {
    expect(miniprogramStateOf(undefined)).toEqual({ state: 'formal' })
    expect(miniprogramStateOf('')).toEqual({ state: 'formal' })
  })

  test.each(['developer', 'trial', 'formal'])('%s is taken as is', (state) => {
    expect(miniprogramStateOf(state)).toEqual({ state })
  })

  test('anything else is reported (and left for WeChat to refuse, never guessed)', () => {
    expect(miniprogramStateOf('release')).toEqual({ state: 'release', problem: 'MINIPROGRAM_STATE is "release", not one of developer / trial / formal' })
  })
})
