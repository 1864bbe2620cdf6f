export default definePageConfig({ navigationBarTitleText: '家园数据', enablePullDownRefresh: true, enableShareAppMessage: true, enableShareTimeline: true })
