export default definePageConfig({ navigationBarTitleText: '全区家园数据', enablePullDownRefresh: true })
