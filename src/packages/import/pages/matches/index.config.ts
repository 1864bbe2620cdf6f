export default definePageConfig({ navigationBarTitleText: '导入人员待确认', enablePullDownRefresh: true })
