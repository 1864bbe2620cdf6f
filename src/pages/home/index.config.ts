export default definePageConfig({ navigationBarTitleText: '博爱家园', enablePullDownRefresh: true })
