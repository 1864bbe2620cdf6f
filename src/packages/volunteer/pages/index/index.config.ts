export default definePageConfig({ navigationBarTitleText: '志愿者', enablePullDownRefresh: true })
