export default definePageConfig({ navigationBarTitleText: '紧急呼救护员', enablePullDownRefresh: true })
