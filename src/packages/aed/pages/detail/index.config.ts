export default definePageConfig({ navigationBarTitleText: 'AED详情', enablePullDownRefresh: true })
