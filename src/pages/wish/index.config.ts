export default definePageConfig({ navigationBarTitleText: '红心愿', enablePullDownRefresh: true })
