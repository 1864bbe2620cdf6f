export default definePageConfig({ navigationBarTitleText: '互助金记账', enablePullDownRefresh: true })
