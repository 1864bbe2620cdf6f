export default definePageConfig({
  navigationBarTitleText: '紧急呼',
  navigationBarBackgroundColor: '#a8071a',
  enablePullDownRefresh: true,
  // WeChat runs the metronome as a native component (its own timer); H5 uses the React one.
  usingComponents: process.env.TARO_ENV === 'weapp' ? { 'cpr-metronome': '../../../../components/native/cpr-metronome/index' } : {},
})
