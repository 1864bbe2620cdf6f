export default definePageConfig({ navigationBarTitleText: '培训管理', enablePullDownRefresh: true })
