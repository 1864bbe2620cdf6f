export default definePageConfig({ navigationBarTitleText: '紧急呼记录', enablePullDownRefresh: true })
