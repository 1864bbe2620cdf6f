export default definePageConfig({ navigationBarTitleText: '申请互助金救助', enablePullDownRefresh: true })
