export default definePageConfig({ navigationBarTitleText: '志愿者光荣榜', enablePullDownRefresh: true })
