export default definePageConfig({ navigationBarTitleText: 'AED详情', enablePullDownRefresh: true, enableShareAppMessage: true, enableShareTimeline: true })
