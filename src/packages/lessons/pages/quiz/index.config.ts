export default definePageConfig({ navigationBarTitleText: '小测验', enableShareAppMessage: true })
