export default definePageConfig({ navigationBarTitleText: '急救课堂', enablePullDownRefresh: true })
