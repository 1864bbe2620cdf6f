export default definePageConfig({ navigationBarTitleText: 'AED管理', enablePullDownRefresh: true })
