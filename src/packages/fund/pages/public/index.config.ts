export default definePageConfig({ navigationBarTitleText: '互助金公开', enablePullDownRefresh: true, enableShareAppMessage: true, enableShareTimeline: true })
