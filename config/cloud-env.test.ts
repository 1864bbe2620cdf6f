import { CHECK_BUILD_ENV_ID, CloudEnvError, cloudEnvId, weappOutputRoot } from './cloud-env'

// A release build with the wrong environment id makes every cloud call of every user fail
// (Taro.cloud.init({ env }) — https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html).

const weapp = (wxCloudEnv: string | undefined, mode = 'production') => () => cloudEnvId({ platform: 'weapp', mode, wxCloudEnv })

test('a release weapp build without WX_CLOUD_ENV refuses, with one sentence that says what to run', () => {
  expect(weapp(undefined)).toThrow(CloudEnvError)
  expect(weapp(undefined)).toThrow('The WeChat build needs your CloudBase environment id: run `WX_CLOUD_ENV=<环境 ID> npm run build:weapp` (云开发控制台 → 设置 → 环境设置 shows it).')
  expect(weapp('   ')).toThrow(CloudEnvError)
})

test('the placeholder the repository used to ship, and the check build marker, are refused as ids', () => {
  expect(weapp('boai-home-prod')).toThrow(/placeholder of this repository/)
  expect(weapp(CHECK_BUILD_ENV_ID)).toThrow(/placeholder of this repository/)
})

test('a pasted id with quotes or spaces is refused', () => {
  expect(weapp('"prod-2g5abc"')).toThrow(/not an environment id/)
  expect(weapp('prod 2g5abc')).toThrow(/not an environment id/)
})

test('a real-looking id is used as given (trimmed)', () => {
  expect(weapp(' prod-2g5abc1234 ')()).toBe('prod-2g5abc1234')
})

test('a check build is marked and goes to its own folder, whatever WX_CLOUD_ENV says', () => {
  expect(weapp(undefined, 'check')()).toBe(CHECK_BUILD_ENV_ID)
  expect(weapp('prod-2g5abc1234', 'check')()).toBe(CHECK_BUILD_ENV_ID)
  expect(weappOutputRoot({ platform: 'weapp', mode: 'check' })).toBe('dist/weapp-check')
  expect(weappOutputRoot({ platform: 'weapp', mode: 'production' })).toBe('dist/weapp')
})

test('H5 builds need no id (they reach the local cloud over HTTP)', () => {
  expect(cloudEnvId({ platform: 'h5', mode: 'production', wxCloudEnv: undefined })).toBe('local-cloud')
  expect(weappOutputRoot({ platform: 'h5', mode: 'production' })).toBe('dist/h5')
})
