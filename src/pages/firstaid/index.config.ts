export default definePageConfig({ navigationBarTitleText: '应急救护', enablePullDownRefresh: true })
