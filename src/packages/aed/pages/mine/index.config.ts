export default definePageConfig({ navigationBarTitleText: '我建议的AED', enablePullDownRefresh: true })
