export default definePageConfig({ navigationBarTitleText: '红十字会员', enablePullDownRefresh: true })
