export default definePageConfig({ navigationBarTitleText: '通知附近救护员', navigationBarBackgroundColor: '#a8071a' })
