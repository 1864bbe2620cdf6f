export default definePageConfig({ navigationBarTitleText: '心愿时长核定', enablePullDownRefresh: true })
