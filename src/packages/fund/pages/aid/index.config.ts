export default definePageConfig({ navigationBarTitleText: '救助申请进度', enablePullDownRefresh: true })
