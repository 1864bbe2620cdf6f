export default definePageConfig({ navigationBarTitleText: '培训报名', enablePullDownRefresh: true, enableShareAppMessage: true, enableShareTimeline: true })
